using System.Globalization;
using ChatReport.Dialogs.Localization;
using ChatReport.Dialogs.Recognition;
using ChatReport.Dialogs.Tests.Testing;

namespace ChatReport.Dialogs.Tests.Recognition;

/// <summary>
/// What members actually type, in simplified and traditional characters and English, with the
/// value each must yield relative to the fixed "now" of 2026-11-26 10:00 Asia/Shanghai (a Thursday).
/// </summary>
public sealed class RecognitionTableTests
{
    private static readonly UserLocale Chinese = UserLocale.Chinese(UserLocale.FindTimeZone("Asia/Shanghai"));
    private static readonly UserLocale English = UserLocale.English(UserLocale.FindTimeZone("Asia/Shanghai"));

    [Theory]
    [InlineData("二十分", 20)]
    [InlineData("20分", 20)]
    [InlineData("加1分", 1)]
    [InlineData("加一分", 1)]
    [InlineData("十分", 10)]
    [InlineData("兩分", 2)]
    [InlineData("两百分", 200)]
    [InlineData("一百零五", 105)]
    [InlineData("扣5分", 5)]
    [InlineData("２０分", 20)]
    [InlineData("1,000", 1000)]
    [InlineData("twenty points", 20)]
    [InlineData("20 points", 20)]
    [InlineData("two and a half", 2.5)]
    public void NumbersAreRecognizedInChineseAndEnglish(string text, double expected)
    {
        var numbers = NumberRecognition.Recognize(text, Chinese.RecognitionCultures);

        Assert.Equal((decimal)expected, numbers[0].Value);
    }

    [Theory]
    // Days, simplified and traditional.
    [InlineData("上周六", "Date 2026-11-21")]
    [InlineData("上週六", "Date 2026-11-21")]
    [InlineData("上個星期六", "Date 2026-11-21")]
    [InlineData("上礼拜六", "Date 2026-11-21")]
    [InlineData("十月八日", "Date 2026-10-08")]
    [InlineData("10月8日", "Date 2026-10-08")]
    [InlineData("10月8號", "Date 2026-10-08")]
    [InlineData("十月八號", "Date 2026-10-08")]
    [InlineData("前天", "Date 2026-11-24")]
    [InlineData("大前天", "Date 2026-11-23")]
    [InlineData("12月1日", "Date 2025-12-01")]
    [InlineData("2026年10月8日", "Date 2026-10-08")]
    // Parts of days and times.
    [InlineData("昨天下午", "DateTimeRange 2026-11-25 12:00..2026-11-25 16:00")]
    [InlineData("昨天下午三点", "DateTime 2026-11-25 15:00")]
    [InlineData("昨天下午三點", "DateTime 2026-11-25 15:00")]
    [InlineData("今天上午", "DateTimeRange 2026-11-26 08:00..2026-11-26 12:00")]
    [InlineData("上周六上午9点到11点", "DateTimeRange 2026-11-21 09:00..2026-11-21 11:00")]
    // Quarters, which the Chinese model misses and we fill in.
    [InlineData("上季度", "DateRange 2026-07-01..2026-10-01")]
    [InlineData("上个季度", "DateRange 2026-07-01..2026-10-01")]
    [InlineData("本季度", "DateRange 2026-10-01..2027-01-01")]
    [InlineData("第三季度", "DateRange 2026-07-01..2026-10-01")]
    // Durations.
    [InlineData("两个小时", "Duration 02:00")]
    [InlineData("兩小時", "Duration 02:00")]
    [InlineData("兩個小時", "Duration 02:00")]
    [InlineData("一个半小时", "Duration 01:30")]
    [InlineData("三個半鐘頭", "Duration 03:30")]
    // English.
    [InlineData("yesterday afternoon", "DateTimeRange 2026-11-25 12:00..2026-11-25 16:00")]
    [InlineData("last Saturday", "Date 2026-11-21")]
    [InlineData("Oct 8", "Date 2026-10-08")]
    [InlineData("last quarter", "DateRange 2026-07-01..2026-10-01")]
    [InlineData("two hours", "Duration 02:00")]
    public void DatesTimesAndDurationsResolveAgainstTheUsersNow(string text, string expected)
    {
        var found = DateTimeRecognition.Recognize(text, Chinese, DialogTestFlow.Now, DateTimePreference.Past);

        Assert.Equal(expected, Describe(found[0]));
        Assert.All(found.Where(f => f.Start is not null), f => Assert.Equal(TimeSpan.FromHours(8), f.Start!.Value.Offset));
    }

    [Fact]
    public void ASentenceYieldsItsDateAndItsDurationWithTheirPositions()
    {
        const string sentence = "昨天下午在村口带头扫雪两个小时";

        var found = DateTimeRecognition.Recognize(sentence, Chinese, DialogTestFlow.Now, DateTimePreference.Past);

        Assert.Equal(["DateTimeRange 2026-11-25 12:00..2026-11-25 16:00", "Duration 02:00"], found.Select(Describe));
        Assert.Equal("昨天下午", sentence.Substring(found[0].Index, found[0].Length));
        Assert.Equal("两个小时", sentence.Substring(found[1].Index, found[1].Length));
    }

    [Fact]
    public void ASpanTheModelFindsButCannotResolveIsSkippedNotACrash()
    {
        // Wu for "yesterday afternoon": the Chinese model marks 下半日 without any resolution.
        const string sentence = "阿拉昨日下半日辣居委会帮老年人剃头";

        var found = DateTimeRecognition.Recognize(sentence, Chinese, DialogTestFlow.Now, DateTimePreference.Past);

        Assert.DoesNotContain(found, f => sentence.Substring(f.Index, f.Length) == "下半日");
    }

    [Fact]
    public void PositionsInTraditionalTextPointAtTheOriginalCharacters()
    {
        const string sentence = "上個星期六在社區掃雪兩個小時";

        var found = DateTimeRecognition.Recognize(sentence, English, DialogTestFlow.Now, DateTimePreference.Past);

        Assert.Equal("上個星期六", sentence.Substring(found[0].Index, found[0].Length));
        Assert.Equal("兩個小時", sentence.Substring(found[1].Index, found[1].Length));
    }

    [Theory]
    [InlineData("是", true)]
    [InlineData("是的", true)]
    [InlineData("好吧", true)]
    [InlineData("好的谢谢", true)]
    [InlineData("对", true)]
    [InlineData("對的", true)]
    [InlineData("确认提交", true)]
    [InlineData("確認", true)]
    [InlineData("提交", true)]
    [InlineData("可以", true)]
    [InlineData("嗯嗯", true)]
    [InlineData("行", true)]
    [InlineData("没问题", true)]
    [InlineData("ok", true)]
    [InlineData("ＯＫ！", true)]
    [InlineData("Sure thing", true)]
    [InlineData("y", true)]
    [InlineData("不", false)]
    [InlineData("不是", false)]
    [InlineData("不要", false)]
    [InlineData("否", false)]
    [InlineData("不用了", false)]
    [InlineData("算了", false)]
    [InlineData("no", false)]
    [InlineData("Nope.", false)]
    [InlineData("n", false)]
    [InlineData("对不起", null)]
    [InlineData("也许", null)]
    [InlineData("maybe", null)]
    [InlineData("", null)]
    public void YesAndNoAreOurOwnWords(string text, bool? expected)
    {
        Assert.Equal(expected, ConfirmRecognition.Recognize(text));
    }

    private static string Describe(DateTimeResolution resolution) => resolution.Kind switch
    {
        DateTimeResolutionKind.Duration => $"Duration {resolution.Duration:hh\\:mm}",
        DateTimeResolutionKind.Date => $"Date {Day(resolution.Start)}",
        DateTimeResolutionKind.DateRange => $"DateRange {Day(resolution.Start)}..{Day(resolution.End)}",
        DateTimeResolutionKind.DateTime => $"DateTime {Minute(resolution.Start)}",
        _ => $"{resolution.Kind} {Minute(resolution.Start)}..{Minute(resolution.End)}",
    };

    private static string? Day(DateTimeOffset? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Minute(DateTimeOffset? value) => value?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
