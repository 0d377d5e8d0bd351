using System.Globalization;
using ChatReport.Conversation.Domain;
using ChatReport.Dialogs.Localization;

namespace ChatReport.Conversation.Notices;

/// <summary>What the objection commands and notices say: 异议, 异议列表, 异议成立, 异议驳回.</summary>
public sealed record ObjectionTexts : ITextTable<ObjectionTexts>
{
    /// <summary>The help line of 异议 (members).</summary>
    public required string ObjectHelpLine { get; init; }

    /// <summary>The help line of the reviewers' commands.</summary>
    public required string ResolveHelpLine { get; init; }

    /// <summary>异议 without a name or a reason.</summary>
    public required string ObjectUsage { get; init; }

    /// <summary>异议成立 / 异议驳回 without a number or a reason.</summary>
    public required string ResolveUsage { get; init; }

    /// <summary>Filed (objection, last day of the period).</summary>
    public required Func<Objection, DateOnly, string> Filed { get; init; }

    /// <summary>No notice is in its objection period.</summary>
    public required string NoOpenNotice { get; init; }

    /// <summary>No member by that name (name).</summary>
    public required Func<string, string> NoSuchMember { get; init; }

    /// <summary>No such item on the notice (number).</summary>
    public required Func<long, string> NoSuchItem { get; init; }

    /// <summary>To reviewers: a new objection.</summary>
    public required Func<Objection, string> NewObjection { get; init; }

    /// <summary>The heading of 异议列表 (count).</summary>
    public required Func<int, string> ListHeader { get; init; }

    /// <summary>No objection is open.</summary>
    public required string NoneOpen { get; init; }

    /// <summary>One objection in the list.</summary>
    public required Func<Objection, string> ListItem { get; init; }

    /// <summary>One item of the notice under an objection (entry, what).</summary>
    public required Func<LedgerEntry, string> ItemLine { get; init; }

    /// <summary>Upheld (objection, correction points).</summary>
    public required Func<Objection, int, string> Upheld { get; init; }

    /// <summary>Dismissed.</summary>
    public required Func<Objection, string> Dismissed { get; init; }

    /// <summary>Resolved before (objection).</summary>
    public required Func<Objection, string> AlreadyResolved { get; init; }

    /// <summary>No such objection (number).</summary>
    public required Func<long, string> NotFound { get; init; }

    /// <summary>Not a reviewer of its branch, or the member concerned.</summary>
    public required string NotAllowed { get; init; }

    /// <summary>Upholding needs the points (number).</summary>
    public required Func<long, string> NeedsPoints { get; init; }

    /// <summary>To the objector: upheld.</summary>
    public required Func<Objection, string> ToObjectorUpheld { get; init; }

    /// <summary>To the objector: dismissed, with the reason.</summary>
    public required Func<Objection, string> ToObjectorDismissed { get; init; }

    /// <summary>To reviewers: the period is over and objections are open (quarter, count).</summary>
    public required Func<QuarterId, int, string> Reminder { get; init; }

    /// <summary>The Chinese texts.</summary>
    public static ObjectionTexts Chinese { get; } = new()
    {
        ObjectHelpLine = "异议 张三 原因 —— 对公示有异议，私下提给支部",
        ResolveHelpLine = "异议列表 / 异议成立 7 / 异议驳回 7 原因 —— 处理公示期的异议",
        ObjectUsage = "请这样说：异议 姓名 原因，例如：异议 张三 10月8日没有参加扫雪。\n对公示明细里的某一条：异议 #12 原因",
        ResolveUsage = "请这样说：异议成立 7 原因（对整行的异议要写更正分数：异议成立 7 -5 原因），或：异议驳回 7 原因",
        Filed = (o, ends) => $"已收到您的异议（第{o.Id}号，对{o.MemberName}{o.Quarter.Year}年第{o.Quarter.Quarter}季度的积分）。只有支部审核人员能看到，处理结果会告诉您。公示期到{ends.Month}月{ends.Day}日。",
        NoOpenNotice = "现在没有在公示期内的季度公示，不能提出异议。有问题可以直接找支部书记。",
        NoSuchMember = name => $"本支部没有（或不止一位）叫“{name}”的党员，请写公示上的姓名。",
        NoSuchItem = id => $"本期公示里没有第 {id} 号记录。",
        NewObjection = o => $"收到一条公示异议（第{o.Id}号）：{o.ObjectorName} 对 {o.MemberName} {o.Quarter.Year}年第{o.Quarter.Quarter}季度的积分{Item(o)}：{o.Reason}\n处理：异议成立 {o.Id} 原因，或 异议驳回 {o.Id} 原因；全部：异议列表",
        ListHeader = count => $"待处理的公示异议 {count} 条：",
        NoneOpen = "没有待处理的公示异议。",
        ListItem = o => $"第{o.Id}号 {o.ObjectorName} 对 {o.MemberName}（{o.Quarter.Year}年第{o.Quarter.Quarter}季度{Item(o)}）：{o.Reason}",
        ItemLine = e => $"  #{e.Id} {e.OccurredOn.Month}月{e.OccurredOn.Day}日 {e.Reason ?? ""} {e.Points:+0;-0;0}",
        Upheld = (o, points) => $"第{o.Id}号异议成立，已给{o.MemberName}记入更正 {points:+0;-0;0} 分，也告诉了提出人。",
        Dismissed = o => $"第{o.Id}号异议已驳回，原因已告诉提出人。",
        AlreadyResolved = o => $"第{o.Id}号异议已经处理过了（{(o.Status == ObjectionStatus.Upheld ? "成立" : "驳回")}：{o.Resolution}）。",
        NotFound = id => $"没有第{id}号异议。",
        NotAllowed = "只有本支部的审核人员能处理异议，涉及自己积分的异议请由其他审核人员处理。",
        NeedsPoints = id => $"请写出更正的分数，例如：异议成立 {id} -5 原因（负数是扣回，正数是补加）。",
        ToObjectorUpheld = o => $"您提出的第{o.Id}号异议（对{o.MemberName}的积分）成立：{o.Resolution}。积分已更正。",
        ToObjectorDismissed = o => $"您提出的第{o.Id}号异议（对{o.MemberName}的积分）未被采纳，原因：{o.Resolution}",
        Reminder = (q, count) => $"{q.Year}年第{q.Quarter}季度公示期已满，还有 {count} 条异议没有处理；处理完季度才能定稿。说“异议列表”查看。",
    };

    /// <summary>The English texts.</summary>
    public static ObjectionTexts English { get; } = new()
    {
        ObjectHelpLine = "object Zhang San reason - object to the notice, privately",
        ResolveHelpLine = "objections / uphold 7 / dismiss 7 reason - handle objections to the notice",
        ObjectUsage = "Please say: object <name> <reason>, for example: object Zhang San was not at the snow clearing.\nFor one item of the notice: object #12 <reason>",
        ResolveUsage = "Please say: uphold 7 <reason> (for a whole line give the points: uphold 7 -5 <reason>), or: dismiss 7 <reason>",
        Filed = (o, ends) => string.Create(CultureInfo.InvariantCulture, $"Objection no. {o.Id} (to {o.MemberName}'s points, {o.Quarter.Year} Q{o.Quarter.Quarter}) is filed. Only the branch's reviewers see it; you will hear the outcome. The notice is open for objections until {ends:MMM d}."),
        NoOpenNotice = "No quarterly notice is open for objections now. You can still speak to your branch secretary.",
        NoSuchMember = name => $"There is no member (or more than one) called \"{name}\" in your branch; use the name on the notice.",
        NoSuchItem = id => string.Create(CultureInfo.InvariantCulture, $"The notice has no item no. {id}."),
        NewObjection = o => string.Create(CultureInfo.InvariantCulture, $"Objection no. {o.Id}: {o.ObjectorName} objects to {o.MemberName}'s points, {o.Quarter.Year} Q{o.Quarter.Quarter}{Item(o)}: {o.Reason}\nSay: uphold {o.Id} <reason>, or dismiss {o.Id} <reason>; all: objections"),
        ListHeader = count => count == 1 ? "1 objection to handle:" : string.Create(CultureInfo.InvariantCulture, $"{count} objections to handle:"),
        NoneOpen = "No objection is waiting.",
        ListItem = o => string.Create(CultureInfo.InvariantCulture, $"No. {o.Id}: {o.ObjectorName} on {o.MemberName} ({o.Quarter.Year} Q{o.Quarter.Quarter}{Item(o)}): {o.Reason}"),
        ItemLine = e => string.Create(CultureInfo.InvariantCulture, $"  #{e.Id} {e.OccurredOn:MMM d} {e.Reason ?? ""} {e.Points:+0;-0;0}"),
        Upheld = (o, points) => string.Create(CultureInfo.InvariantCulture, $"Objection no. {o.Id} upheld: a correction of {points:+0;-0;0} is booked for {o.MemberName}, and the objector is told."),
        Dismissed = o => string.Create(CultureInfo.InvariantCulture, $"Objection no. {o.Id} dismissed; the objector is told why."),
        AlreadyResolved = o => string.Create(CultureInfo.InvariantCulture, $"Objection no. {o.Id} was already {(o.Status == ObjectionStatus.Upheld ? "upheld" : "dismissed")}: {o.Resolution}"),
        NotFound = id => string.Create(CultureInfo.InvariantCulture, $"There is no objection no. {id}."),
        NotAllowed = "Only the branch's reviewers can handle objections, and not those about their own points.",
        NeedsPoints = id => string.Create(CultureInfo.InvariantCulture, $"Please give the correction's points, for example: uphold {id} -5 <reason> (negative takes points back, positive adds)."),
        ToObjectorUpheld = o => string.Create(CultureInfo.InvariantCulture, $"Your objection no. {o.Id} (to {o.MemberName}'s points) was upheld: {o.Resolution}. The points are corrected."),
        ToObjectorDismissed = o => string.Create(CultureInfo.InvariantCulture, $"Your objection no. {o.Id} (to {o.MemberName}'s points) was not upheld: {o.Resolution}"),
        Reminder = (q, count) => string.Create(CultureInfo.InvariantCulture, $"The objection period of {q.Year} Q{q.Quarter} is over and {count} objection(s) are still open; the quarter becomes final once they are handled. Say \"objections\" to see them."),
    };

    /// <summary>The table for <paramref name="language"/>.</summary>
    public static ObjectionTexts ForLanguage(ReplyLanguage language) => language == ReplyLanguage.English ? English : Chinese;

    private static string Item(Objection objection) =>
        objection.EntryId is { } id ? string.Create(CultureInfo.InvariantCulture, $" #{id}") : "";
}
