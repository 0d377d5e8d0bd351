using System.Globalization;

namespace ChatReport.Bot.Notices;

/// <summary>What the printable notice says, in Chinese and English.</summary>
public sealed record NoticePdfTexts
{
    public required bool IsEnglish { get; init; }

    /// <summary>The heading (branch, year, quarter).</summary>
    public required Func<string, int, int, string> Title { get; init; }

    /// <summary>The quarter's days (first, last).</summary>
    public required Func<DateOnly, DateOnly, string> Period { get; init; }

    /// <summary>Marks a copy printed before the sign-off.</summary>
    public required string Draft { get; init; }

    /// <summary>The table's columns: rank, name, base, additions, deductions, quarter, year.</summary>
    public required IReadOnlyList<string> Columns { get; init; }

    /// <summary>No member on the roll.</summary>
    public required string NoMembers { get; init; }

    /// <summary>The objection period of a signed-off notice (first day, last day).</summary>
    public required Func<DateOnly, DateOnly, string> Publicity { get; init; }

    /// <summary>The objection period before the sign-off (days).</summary>
    public required Func<int, string> PublicityAfterSignOff { get; init; }

    /// <summary>How to object.</summary>
    public required string HowToObject { get; init; }

    /// <summary>The secretary's sign-off (name, day).</summary>
    public required Func<string, DateOnly, string> SignedOff { get; init; }

    /// <summary>The sign-off line of a draft.</summary>
    public required string NotSignedOff { get; init; }

    /// <summary>The footer of every page (branch, year, quarter, page, pages).</summary>
    public required Func<string, int, int, int, int, string> Footer { get; init; }

    public static NoticePdfTexts Chinese { get; } = new()
    {
        IsEnglish = false,
        Title = (unit, year, quarter) => $"{unit}{year}年第{quarter}季度党员积分公示",
        Period = (first, last) => $"积分期间：{Day(first)}至{Day(last)}",
        Draft = "（审核稿，未签字确认）",
        Columns = ["名次", "姓名", "基础分", "加分", "扣分", "本季合计", "年度累计"],
        NoMembers = "本支部暂无党员积分记录。",
        Publicity = (first, last) => $"公示期：{Day(first)}至{Day(last)}，公示期满无异议即为最终结果。",
        PublicityAfterSignOff = days => $"公示期：书记签字确认后{days}天。",
        HowToObject = "如有异议，请在公示期内私聊积分助手发送“异议 姓名 原因”（例如：异议 张三 10月8日未参加扫雪），或当面向支部书记反映。异议内容只有支部审核人员能看到。",
        SignedOff = (secretary, day) => $"支部书记：{secretary}（签字确认）　　{Day(day)}",
        NotSignedOff = "支部书记：＿＿＿＿＿＿（未签字确认）",
        Footer = (unit, year, quarter, page, pages) => $"{unit} {year}年第{quarter}季度积分公示　　第 {page} 页 / 共 {pages} 页",
    };

    public static NoticePdfTexts English { get; } = new()
    {
        IsEnglish = true,
        Title = (unit, year, quarter) => $"{unit}: members' points, {year} Q{quarter}",
        Period = (first, last) => $"Points from {EnglishDay(first)} to {EnglishDay(last)}",
        Draft = "(draft, not signed off)",
        Columns = ["Rank", "Name", "Base", "Added", "Deducted", "Quarter", "Year"],
        NoMembers = "No member has points yet.",
        Publicity = (first, last) => $"Open for objections from {EnglishDay(first)} to {EnglishDay(last)}; final if none is upheld.",
        PublicityAfterSignOff = days => $"Open for objections for {days} days after the secretary's sign-off.",
        HowToObject = "To object, message the points bot privately during that time: \"object <name> <reason>\", or speak to the branch secretary. Only the branch's reviewers see objections.",
        SignedOff = (secretary, day) => $"Signed off by the branch secretary, {secretary}, on {EnglishDay(day)}",
        NotSignedOff = "Branch secretary: ____________ (not signed off)",
        Footer = (unit, year, quarter, page, pages) => $"{unit}, {year} Q{quarter}    page {page} of {pages}",
    };

    public static NoticePdfTexts ForLocale(string? locale) =>
        locale is not null && locale.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : Chinese;

    private static string Day(DateOnly day) => $"{day.Year}年{day.Month}月{day.Day}日";

    private static string EnglishDay(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
