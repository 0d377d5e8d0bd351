using System.Globalization;
using ChatReport.Conversation.Domain;

namespace ChatReport.Bot.Digests;

/// <summary>
/// Everything the bot says proactively (daily digests, quarterly notices and their files, failure
/// reports), in Chinese and English, in one table so it can join the dialogs' text tables later.
/// Texts with values are functions, so their arguments are checked by the compiler. Lines stay
/// short: most readers are on phones.
/// </summary>
public sealed record DigestTexts
{
    public required bool IsEnglish { get; init; }

    public required Func<string, DateOnly, string> DigestTitle { get; init; }

    public required string LateMark { get; init; }

    public required Func<int, string> DeedsHeading { get; init; }

    public required Func<int, string> DeductionsHeading { get; init; }

    public required string NoNews { get; init; }

    public required Func<int, string> More { get; init; }

    public required Func<int, string> Points { get; init; }

    public required Func<int, string> Total { get; init; }

    public required Func<int?, string> TopThreeHeading { get; init; }

    public required string TasksHeading { get; init; }

    public required Func<DateTime, string> TaskTime { get; init; }

    public required Func<int, string> PointsEach { get; init; }

    public required Func<int, string> PlacesLeft { get; init; }

    public required Func<int, string> PendingClaims { get; init; }

    /// <summary>The heading of the month's points by day (the digest's day).</summary>
    public required Func<DateOnly, string> MonthHeading { get; init; }

    /// <summary>The month's days with points, in words (first day of the month, points per day, total).</summary>
    public required Func<DateOnly, IReadOnlyList<int>, string> MonthDays { get; init; }

    /// <summary>The chart's title (the digest's day).</summary>
    public required Func<DateOnly, string> MonthChartTitle { get; init; }

    /// <summary>The chart's legend for the bars.</summary>
    public required string MonthChartBars { get; init; }

    /// <summary>What an empty month's chart says.</summary>
    public required string MonthChartEmpty { get; init; }

    public required Func<string, int, int, string> NoticeTitle { get; init; }

    public required Func<int, int, string> NoticeReviewFooter { get; init; }

    public required Func<string, DateOnly, string> NoticeSignedFooter { get; init; }

    public required string NoticeNoMembers { get; init; }

    public required Func<int, int, string> NoticeQuarterPart { get; init; }

    public required string NoticeFileAttached { get; init; }

    public required string NoticeSheet { get; init; }

    public required string ItemsSheet { get; init; }

    public required IReadOnlyList<string> NoticeColumns { get; init; }

    public required IReadOnlyList<string> ItemColumns { get; init; }

    public required Func<LedgerKind, string> KindName { get; init; }

    public required Func<long, int, string> CorrectionOf { get; init; }

    public required string SignedOffBy { get; init; }

    public required string NotSignedOff { get; init; }

    public required Func<int, string> FailureReportTitle { get; init; }

    public static DigestTexts Chinese { get; } = new()
    {
        IsEnglish = false,
        DigestTitle = (unit, day) => $"【{unit}】{day.Month}月{day.Day}日积分日报",
        LateMark = "（补发）",
        DeedsHeading = n => $"新增加分 {n} 条",
        DeductionsHeading = n => $"扣分 {n} 条",
        NoNews = "今天没有新的加分。",
        More = n => $"……另有 {n} 条",
        Points = n => n >= 0 ? $"+{n}分" : $"{n}分",
        Total = n => $"{n}分",
        TopThreeHeading = q => q is { } quarter ? $"第{quarter}季度前三名" : "本季度前三名",
        TasksHeading = "可报名的服务任务",
        TaskTime = t => $"{t.Month}月{t.Day}日 {t:HH:mm}",
        PointsEach = n => $"每人+{n}分",
        PlacesLeft = n => n > 0 ? $"剩{n}个名额" : "名额已满",
        PendingClaims = n => $"待审核 {n} 条，请书记处理。",
        MonthHeading = day => $"{day.Month}月每日积分（按做好事的日子）",
        MonthDays = (first, days) => days.Any(p => p != 0)
            ? string.Join("，", days.Select((p, i) => (Day: i + 1, Points: p)).Where(d => d.Points != 0).Select(d => $"{d.Day}日 {(d.Points >= 0 ? "+" : "")}{d.Points}")) + $"；本月共{days.Sum()}分"
            : "本月还没有积分。",
        MonthChartTitle = day => $"{day.Year}年{day.Month}月支部每日积分",
        MonthChartBars = "当日积分（按做好事的日子）",
        MonthChartEmpty = "本月还没有积分",
        NoticeTitle = (unit, year, quarter) => $"【{unit}】{year}年第{quarter}季度积分公示",
        NoticeReviewFooter = (year, quarter) => $"请核对。无误后请书记回复：签字确认 {year}Q{quarter}",
        NoticeSignedFooter = (secretary, day) => $"{secretary}已于{day.Year}年{day.Month}月{day.Day}日签字确认。欢迎群众监督。",
        NoticeNoMembers = "本支部暂无党员积分记录。",
        NoticeQuarterPart = (additions, deductions) => $"本季+{additions} −{deductions}",
        NoticeFileAttached = "明细见附件表格。",
        NoticeSheet = "公示",
        ItemsSheet = "明细",
        NoticeColumns = ["排名", "姓名", "基础分", "加分", "扣分", "本季合计", "年度累计", "明细"],
        ItemColumns = ["姓名", "日期", "类别", "分值", "事项"],
        KindName = kind => kind switch
        {
            LedgerKind.Base => "基础分",
            LedgerKind.Bonus => "加分",
            LedgerKind.Deduction => "扣分",
            LedgerKind.Adjustment => "调整",
            _ => "更正",
        },
        CorrectionOf = (entryId, quarter) => $"更正第{quarter}季度记录#{entryId}",
        SignedOffBy = "签字确认",
        NotSignedOff = "未签字确认",
        FailureReportTitle = n => $"有 {n} 个群的积分日报发送失败：",
    };

    public static DigestTexts English { get; } = new()
    {
        IsEnglish = true,
        DigestTitle = (unit, day) => $"{unit}: points digest, {day.ToString("MMM d", CultureInfo.InvariantCulture)}",
        LateMark = " (sent late)",
        DeedsHeading = n => n == 1 ? "1 deed approved" : $"{n} deeds approved",
        DeductionsHeading = n => n == 1 ? "1 deduction" : $"{n} deductions",
        NoNews = "No new points today.",
        More = n => $"…and {n} more",
        Points = n => n >= 0 ? $"+{n}" : $"{n}",
        Total = n => n == 1 ? "1 point" : $"{n} points",
        TopThreeHeading = q => q is { } quarter ? $"Top three of Q{quarter}" : "Top three this quarter",
        TasksHeading = "Service tasks open for sign-up",
        TaskTime = t => t.ToString("MMM d HH:mm", CultureInfo.InvariantCulture),
        PointsEach = n => $"+{n} each",
        PlacesLeft = n => n > 0 ? $"{n} places left" : "full",
        PendingClaims = n => n == 1 ? "1 claim waits for review, secretary." : $"{n} claims wait for review, secretary.",
        MonthHeading = day => $"Points in {day.ToString("MMMM", CultureInfo.InvariantCulture)} by the day of the deed",
        MonthDays = (first, days) => days.Any(p => p != 0)
            ? string.Join(", ", days.Select((p, i) => (Day: first.AddDays(i), Points: p)).Where(d => d.Points != 0).Select(d => $"{d.Day.ToString("MMM d", CultureInfo.InvariantCulture)} {(d.Points >= 0 ? "+" : "")}{d.Points}")) + $"; {days.Sum()} this month"
            : "No points yet this month.",
        MonthChartTitle = day => $"Branch points by day, {day.ToString("MMMM yyyy", CultureInfo.InvariantCulture)}",
        MonthChartBars = "Points that day (by the day of the deed)",
        MonthChartEmpty = "No points yet this month",
        NoticeTitle = (unit, year, quarter) => $"{unit}: points notice {year} Q{quarter}",
        NoticeReviewFooter = (year, quarter) => $"Please check it. When it is right, the secretary replies: sign off {year}Q{quarter}",
        NoticeSignedFooter = (secretary, day) => $"Signed off by {secretary} on {day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}. Open to residents' supervision.",
        NoticeNoMembers = "No member has points in this branch yet.",
        NoticeQuarterPart = (additions, deductions) => $"quarter +{additions} −{deductions}",
        NoticeFileAttached = "The items are in the attached workbook.",
        NoticeSheet = "Notice",
        ItemsSheet = "Items",
        NoticeColumns = ["Rank", "Name", "Base", "Additions", "Deductions", "Quarter total", "Year to date", "Items"],
        ItemColumns = ["Name", "Date", "Kind", "Points", "Item"],
        KindName = kind => kind switch
        {
            LedgerKind.Base => "base",
            LedgerKind.Bonus => "addition",
            LedgerKind.Deduction => "deduction",
            LedgerKind.Adjustment => "adjustment",
            _ => "correction",
        },
        CorrectionOf = (entryId, quarter) => $"corrects Q{quarter} entry #{entryId}",
        SignedOffBy = "signed off",
        NotSignedOff = "not signed off",
        FailureReportTitle = n => n == 1 ? "The points digest could not be sent to 1 group:" : $"The points digest could not be sent to {n} groups:",
    };

    /// <summary>English for locales starting with "en"; Chinese for everything else, and when unknown.</summary>
    public static DigestTexts ForLocale(string? locale) =>
        locale is not null && locale.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : Chinese;
}
