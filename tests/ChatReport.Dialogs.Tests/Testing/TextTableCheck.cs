using System.Reflection;
using ChatReport.Dialogs.Recognition;

namespace ChatReport.Dialogs.Tests.Testing;

/// <summary>
/// Reads every text of a text table, calling templates with sample arguments, and says what is
/// wrong: an empty text, a Chinese table text with words of its own but no Chinese character
/// (digits and punctuation alone are not Chinese), an English one with
/// one outside quotes (an English text may quote a Chinese app's button, "加签"). Shared by the
/// dialogs' and the bot's tests, which hold different tables.
/// </summary>
public static partial class TextTableCheck
{
    private const string SampleText = "sample";

    /// <summary>The problems of <paramref name="table"/>; empty when it is fine.</summary>
    /// <param name="table">A table instance.</param>
    /// <param name="chinese">Whether it is the Chinese table.</param>
    public static IReadOnlyList<string> Problems(object table, bool chinese)
    {
        ArgumentNullException.ThrowIfNull(table);
        var type = table.GetType();
        var problems = new List<string>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetMethod!.IsPublic && p.Name != "EqualityContract"))
        {
            if (property.PropertyType == typeof(bool))
            {
                continue;
            }

            var text = Render(property, property.GetValue(table));
            var name = $"{type.Name}.{property.Name}";
            if (string.IsNullOrWhiteSpace(text))
            {
                problems.Add($"{name} is empty.");
            }
            else if (chinese && !TextNormalizer.ContainsCjk(text) && OwnWords().Replace(text.Replace(SampleText, "", StringComparison.Ordinal), "").Length > 0)
            {
                problems.Add($"{name} is not Chinese in the Chinese table: {text}");
            }
            else if (!chinese && TextNormalizer.ContainsCjk(Quoted().Replace(text, "")))
            {
                problems.Add($"{name} has Chinese in the English table: {text}");
            }
        }

        return problems;
    }

    // Plain texts are strings; lists are joined; templates are delegates, called with sample arguments.
    private static string Render(PropertyInfo property, object? value) => value switch
    {
        string text => text,
        IEnumerable<string> texts => string.Join(" ", texts),
        Delegate template => template.DynamicInvoke([.. template.Method.GetParameters().Select(p => Sample(p.ParameterType))]) as string ?? string.Empty,
        null => string.Empty,
        _ => throw new InvalidOperationException($"{property.Name} is a {value.GetType().Name}; texts are strings, lists of strings or Func<..., string>."),
    };

    // A template that adds only numbers and punctuation to its arguments ("{n}. {title}") has nothing to translate.
    [System.Text.RegularExpressions.GeneratedRegex(@"[\p{N}\p{P}\p{S}\s]")]
    private static partial System.Text.RegularExpressions.Regex OwnWords();

    [System.Text.RegularExpressions.GeneratedRegex("\"[^\"]*\"|“[^”]*”")]
    private static partial System.Text.RegularExpressions.Regex Quoted();

    private static Array OneOf(Type element)
    {
        var array = Array.CreateInstance(element, 1);
        array.SetValue(Sample(element), 0);
        return array;
    }

    private static object? Sample(Type type) =>
        type == typeof(string) ? SampleText
        : type == typeof(DateOnly) ? new DateOnly(2026, 11, 26)
        : type == typeof(DateTime) ? new DateTime(2026, 11, 26, 10, 0, 0, DateTimeKind.Unspecified)
        : type == typeof(DateTimeOffset) ? new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.FromHours(8))
        : (Nullable.GetUnderlyingType(type) ?? type).IsEnum ? Enum.ToObject(Nullable.GetUnderlyingType(type) ?? type, 1)
        : type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) ? OneOf(type.GetGenericArguments()[0])
        : type.IsValueType ? Convert.ChangeType(1, Nullable.GetUnderlyingType(type) ?? type, System.Globalization.CultureInfo.InvariantCulture)
        // Records the texts describe (an objection, a quarter, a ledger entry): built from samples too.
        : type.GetConstructors().FirstOrDefault() is { } constructor && type.Namespace?.StartsWith("ChatReport", StringComparison.Ordinal) == true
            ? constructor.Invoke([.. constructor.GetParameters().Select(p => Sample(p.ParameterType))])
        : null;
}
