using System.Reflection;
using ChatReport.Conversation.Common;
using ChatReport.Dialogs.Localization;
using ChatReport.Dialogs.Recognition;

namespace ChatReport.Conversation.Tests.Localization;

/// <summary>
/// Every text table in the engine and the conversation assemblies, in every reply language: no key missing or empty,
/// templates produce text, Chinese tables are Chinese and English tables are not.
/// </summary>
public sealed class TextTableTests
{
    public static TheoryData<string, ReplyLanguage> Tables()
    {
        var data = new TheoryData<string, ReplyLanguage>();
        foreach (var table in TableTypes())
        {
            foreach (var language in Enum.GetValues<ReplyLanguage>())
            {
                data.Add(table.FullName!, language);
            }
        }

        return data;
    }

    [Fact]
    public void TheEngineTableIsFound()
    {
        Assert.Contains(typeof(EngineTexts), TableTypes());
    }

    [Fact]
    public void TheConversationTablesAreFound()
    {
        Assert.Contains(typeof(ConversationTexts), TableTypes());
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public void EveryTextTableHasEveryKeyInEveryLanguage(string tableName, ReplyLanguage language)
    {
        var type = TableTypes().Single(t => t.FullName == tableName);
        var table = type.GetMethod("ForLanguage", BindingFlags.Public | BindingFlags.Static)!.Invoke(null, [language]);
        Assert.NotNull(table);

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetMethod!.IsPublic && p.Name != "EqualityContract"))
        {
            var text = Render(property, property.GetValue(table));
            Assert.False(string.IsNullOrWhiteSpace(text), $"{type.Name}.{property.Name} is empty in {language}.");
            if (language == ReplyLanguage.Chinese)
            {
                Assert.True(TextNormalizer.ContainsCjk(text) || text.Any(char.IsDigit), $"{type.Name}.{property.Name} is not Chinese in the Chinese table: {text}");
            }
            else
            {
                Assert.False(TextNormalizer.ContainsCjk(text), $"{type.Name}.{property.Name} has Chinese in the {language} table: {text}");
            }
        }
    }

    private static IEnumerable<Type> TableTypes() =>
        new[] { typeof(ITextTable<>).Assembly, typeof(ConversationTexts).Assembly }.SelectMany(a => a.GetTypes()).Where(t => t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ITextTable<>)));

    // Plain texts are strings; templates are delegates, called with sample arguments.
    private static string Render(PropertyInfo property, object? value) => value switch
    {
        string text => text,
        Delegate template => template.DynamicInvoke([.. template.Method.GetParameters().Select(p => Sample(p.ParameterType))]) as string ?? string.Empty,
        null => string.Empty,
        _ => throw new InvalidOperationException($"{property.Name} is a {value.GetType().Name}; texts are strings or Func<..., string>."),
    };

    private static Array OneOf(Type element)
    {
        var array = Array.CreateInstance(element, 1);
        array.SetValue(Sample(element), 0);
        return array;
    }

    private static object? Sample(Type type) =>
        type == typeof(string) ? "sample"
        : type == typeof(DateOnly) ? new DateOnly(2026, 11, 26)
        : type == typeof(DateTimeOffset) ? new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.FromHours(8))
        : (Nullable.GetUnderlyingType(type) ?? type).IsEnum ? Enum.ToObject(Nullable.GetUnderlyingType(type) ?? type, 1)
        : type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) ? OneOf(type.GetGenericArguments()[0])
        : type.IsValueType ? Convert.ChangeType(1, Nullable.GetUnderlyingType(type) ?? type, System.Globalization.CultureInfo.InvariantCulture)
        // Records the texts describe (an objection, a quarter, a ledger entry): built from samples too.
        : type.GetConstructors().FirstOrDefault() is { } constructor && type.Namespace?.StartsWith("ChatReport", StringComparison.Ordinal) == true
            ? constructor.Invoke([.. constructor.GetParameters().Select(p => Sample(p.ParameterType))])
        : null;
}
