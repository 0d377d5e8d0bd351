using ChatReport.Conversation.Common;
using ChatReport.Dialogs.Localization;

namespace ChatReport.Conversation.Points;

/// <summary>What 我的积分 and 排行榜 say.</summary>
public sealed record PointsTexts : ITextTable<PointsTexts>
{
    /// <summary>The help-menu line of 我的积分.</summary>
    public required string MyPointsHelpLine { get; init; }

    /// <summary>The help-menu line of 排行榜.</summary>
    public required string RankingHelpLine { get; init; }

    /// <summary>No open cycle today.</summary>
    public required string NoCycle { get; init; }

    /// <summary>No cycle for the year asked about (year).</summary>
    public required Func<int, string> NoCycleForYear { get; init; }

    /// <summary>The cycle's total (year, total, base, bonus, deduction).</summary>
    public required Func<int, int, int, int, int, string> Total { get; init; }

    /// <summary>This quarter's entries heading (quarter).</summary>
    public required Func<int, string> QuarterHeader { get; init; }

    /// <summary>One ledger entry (day, label, signed points).</summary>
    public required Func<DateOnly, string, int, string> Entry { get; init; }

    /// <summary>Older entries left out (count).</summary>
    public required Func<int, string> MoreEntries { get; init; }

    /// <summary>No entries this quarter.</summary>
    public required string NoEntries { get; init; }

    /// <summary>Pending claims (count, numbers).</summary>
    public required Func<int, string, string> Pending { get; init; }

    /// <summary>The member's rank in the branch (rank, members).</summary>
    public required Func<int, int, string> Rank { get; init; }

    /// <summary>The quarter's ranking heading (quarter).</summary>
    public required Func<int, string> QuarterRanking { get; init; }

    /// <summary>The year's ranking heading (year).</summary>
    public required Func<int, string> YearRanking { get; init; }

    /// <summary>One line of a ranking (rank, name, points).</summary>
    public required Func<int, string, int, string> RankingLine { get; init; }

    /// <summary>The member's own place (rank, points).</summary>
    public required Func<int, int, string> YourPosition { get; init; }

    /// <summary>Nobody is ranked yet.</summary>
    public required string NobodyRanked { get; init; }

    /// <summary>Points by month against the branch's median (months as "1月 5/2").</summary>
    public required Func<IReadOnlyList<MonthPoints>, string> Months { get; init; }

    /// <summary>The monthly chart's title.</summary>
    public required string MonthsChartTitle { get; init; }

    /// <summary>The chart's series of the member's own points.</summary>
    public required string MonthsChartMine { get; init; }

    /// <summary>The chart's series of the branch's median.</summary>
    public required string MonthsChartMedian { get; init; }

    /// <summary>Base points.</summary>
    public required string KindBase { get; init; }

    /// <summary>A bonus without a known rule.</summary>
    public required string KindBonus { get; init; }

    /// <summary>A deduction.</summary>
    public required string KindDeduction { get; init; }

    /// <summary>An adjustment.</summary>
    public required string KindAdjustment { get; init; }

    /// <summary>A reversal.</summary>
    public required string KindReversal { get; init; }

    /// <summary>The Chinese texts.</summary>
    public static PointsTexts Chinese { get; } = new()
    {
        MyPointsHelpLine = "我的积分 —— 查积分和名次",
        RankingHelpLine = "排行榜 —— 看支部谁分高",
        NoCycle = "今年的积分还没开始记，请找支部书记。",
        NoCycleForYear = year => $"没有{year}年的积分记录。",
        Total = (year, total, b, bonus, deduction) => $"{year}年积分：{total} 分\n（基础分 {b} + 加分 {bonus} − 扣分 {deduction}）",
        QuarterHeader = quarter => $"第{quarter}季度的加减分：",
        Entry = (day, label, points) => $"· {day.Month}月{day.Day}日 {label} {points:+0;-0;0}",
        MoreEntries = count => $"……还有 {count} 条",
        NoEntries = "本季度还没有加减分。",
        Pending = (count, numbers) => $"待审核：{count} 条（编号 {numbers}）",
        Rank = (rank, members) => $"支部排名：第 {rank} 名（共 {members} 人）",
        QuarterRanking = quarter => $"本季度（第{quarter}季度）排行：",
        YearRanking = year => $"{year}年全年排行：",
        RankingLine = (rank, name, points) => $"{rank}. {name} {points} 分",
        YourPosition = (rank, points) => $"您：第 {rank} 名，{points} 分",
        NobodyRanked = "还没有人上榜。",
        Months = months => "各月得分（我/支部中位数）：" + string.Join("，", months.Select(m => $"{m.Month}月 {m.Mine}/{m.BranchMedian:0.#}")),
        MonthsChartTitle = "我每月的得分",
        MonthsChartMine = "我",
        MonthsChartMedian = "支部中位数",
        KindBase = "基础积分",
        KindBonus = "加分",
        KindDeduction = "扣分",
        KindAdjustment = "调整",
        KindReversal = "更正",
    };

    /// <summary>The English texts.</summary>
    public static PointsTexts English { get; } = new()
    {
        MyPointsHelpLine = "my points - your points and rank",
        RankingHelpLine = "ranking - who leads in your branch",
        NoCycle = "There is no points cycle open right now. Please contact your secretary.",
        NoCycleForYear = year => $"There are no points recorded for {year}.",
        Total = (year, total, b, bonus, deduction) => $"Your points in {year}: {total}\n(base {b} + bonus {bonus} - deductions {deduction})",
        QuarterHeader = quarter => $"Quarter {quarter}:",
        Entry = (day, label, points) => $"- {day.ToString("MMM d", System.Globalization.CultureInfo.GetCultureInfo("en-US"))} {label} {points:+0;-0;0}",
        MoreEntries = count => $"... and {count} more",
        NoEntries = "No points added or deducted this quarter yet.",
        Pending = (count, numbers) => $"Waiting for review: {EnglishCounts.Claims(count)} (no. {numbers})",
        Rank = (rank, members) => $"Rank in your branch: {rank} of {members}",
        QuarterRanking = quarter => $"This quarter (Q{quarter}):",
        YearRanking = year => $"All of {year}:",
        RankingLine = (rank, name, points) => $"{rank}. {name} {EnglishCounts.Points(points)}",
        YourPosition = (rank, points) => $"You: no. {rank}, {EnglishCounts.Points(points)}",
        NobodyRanked = "Nobody is ranked yet.",
        Months = months => "By month (you / branch median): " + string.Join(", ", months.Select(m => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{System.Globalization.CultureInfo.GetCultureInfo("en-US").DateTimeFormat.GetAbbreviatedMonthName(m.Month)} {m.Mine}/{m.BranchMedian:0.#}"))),
        MonthsChartTitle = "My points by month",
        MonthsChartMine = "Me",
        MonthsChartMedian = "Branch median",
        KindBase = "Base points",
        KindBonus = "Bonus",
        KindDeduction = "Deduction",
        KindAdjustment = "Adjustment",
        KindReversal = "Reversal",
    };

    /// <summary>The table for <paramref name="language"/>.</summary>
    public static PointsTexts ForLanguage(ReplyLanguage language) => language == ReplyLanguage.English ? English : Chinese;
}
