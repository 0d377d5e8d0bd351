using ChatReport.Dialogs.Localization;
using ChatReport.Dialogs.Schema;

namespace ChatReport.Dialogs.Tests.Localization;

public sealed class UserLocaleTests
{
    private static readonly TimeZoneInfo Shanghai = UserLocale.FindTimeZone("Asia/Shanghai");

    [Theory]
    [InlineData("zh-CN", "hello", null, ReplyLanguage.Chinese)]
    [InlineData("zh-TW", null, null, ReplyLanguage.Chinese)]
    [InlineData("en-US", "你好", null, ReplyLanguage.English)]
    [InlineData(null, "你好", ReplyLanguage.English, ReplyLanguage.Chinese)]
    [InlineData(null, "hello", null, ReplyLanguage.English)]
    [InlineData("fr-FR", "hello", null, ReplyLanguage.English)]
    [InlineData(null, "20", ReplyLanguage.English, ReplyLanguage.English)]
    [InlineData(null, "20", null, ReplyLanguage.Chinese)]
    [InlineData(null, null, null, ReplyLanguage.Chinese)]
    public void TheLocaleWinsThenTheScriptThenTheConversationThenChinese(string? locale, string? text, ReplyLanguage? previous, ReplyLanguage expected)
    {
        var resolved = UserLocale.Resolve(new Activity { Locale = locale, Text = text }, previous, Shanghai);

        Assert.Equal(expected, resolved.Language);
    }

    [Fact]
    public void ChineseUsersAreRecognizedInChineseFirstAndEnglishUsersInEnglishFirst()
    {
        Assert.Equal(["zh-cn", "en-us"], UserLocale.Resolve(new Activity { Locale = "zh-CN" }, null, Shanghai).RecognitionCultures);
        Assert.Equal(["en-us", "zh-cn"], UserLocale.Resolve(new Activity { Locale = "en-US" }, null, Shanghai).RecognitionCultures);
    }

    [Fact]
    public void TheTimeZoneComesFromTheActivityWhenItSaysOne()
    {
        Assert.Equal("America/New_York", UserLocale.Resolve(new Activity { LocalTimezone = "America/New_York" }, null, Shanghai).TimeZone.Id);
        Assert.Equal(
            TimeSpan.FromHours(-3),
            UserLocale.Resolve(new Activity { LocalTimestamp = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.FromHours(-3)) }, null, Shanghai).TimeZone.BaseUtcOffset);
        Assert.Same(Shanghai, UserLocale.Resolve(new Activity { LocalTimezone = "Not/AZone" }, null, Shanghai).TimeZone);
    }
}
