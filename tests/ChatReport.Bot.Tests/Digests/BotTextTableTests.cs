using System.Reflection;
using ChatReport.Bot.Digests;
using ChatReport.Dialogs.Localization;
using ChatReport.Dialogs.Tests.Testing;

namespace ChatReport.Bot.Tests.Digests;

/// <summary>
/// The bot's own text tables (the proactive texts and every channel's), held to the rules of the
/// dialogs' tables: no text empty, the Chinese table Chinese, the English one not.
/// </summary>
public sealed class BotTextTableTests
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

    [Theory]
    [MemberData(nameof(Tables))]
    public void EveryBotTextTableHasEveryTextInEveryLanguage(string tableName, ReplyLanguage language)
    {
        var type = TableTypes().Single(t => t.FullName == tableName);
        var table = type.GetMethod("ForLanguage", BindingFlags.Public | BindingFlags.Static)!.Invoke(null, [language])!;

        Assert.Empty(TextTableCheck.Problems(table, chinese: language == ReplyLanguage.Chinese));
    }

    [Fact]
    public void TheDigestTextsAreChineseInChineseAndEnglishInEnglish()
    {
        Assert.Empty(TextTableCheck.Problems(DigestTexts.Chinese, chinese: true));
        Assert.Empty(TextTableCheck.Problems(DigestTexts.English, chinese: false));
        Assert.Same(DigestTexts.English, DigestTexts.ForLocale("en-GB"));
        Assert.Same(DigestTexts.Chinese, DigestTexts.ForLocale(null));
    }

    private static IEnumerable<Type> TableTypes() =>
        typeof(DigestTexts).Assembly.GetTypes().Where(t => t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ITextTable<>)));
}
