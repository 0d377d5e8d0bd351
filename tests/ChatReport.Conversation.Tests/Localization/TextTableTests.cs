using System.Reflection;
using ChatReport.Conversation.Common;
using ChatReport.Dialogs.Localization;
using ChatReport.Dialogs.Tests.Testing;

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
        var table = type.GetMethod("ForLanguage", BindingFlags.Public | BindingFlags.Static)!.Invoke(null, [language])!;

        Assert.Empty(TextTableCheck.Problems(table, chinese: language == ReplyLanguage.Chinese));
    }

    [Fact]
    public void AChineseTableWithAnEnglishTextIsCaught()
    {
        var chinese = EngineTexts.ForLanguage(ReplyLanguage.Chinese);
        var english = EngineTexts.ForLanguage(ReplyLanguage.English);

        Assert.NotEmpty(TextTableCheck.Problems(english, chinese: true));
        Assert.NotEmpty(TextTableCheck.Problems(chinese, chinese: false));
    }

    private static IEnumerable<Type> TableTypes() =>
        new[] { typeof(ITextTable<>).Assembly, typeof(ConversationTexts).Assembly }.SelectMany(a => a.GetTypes()).Where(t => t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ITextTable<>)));
}
