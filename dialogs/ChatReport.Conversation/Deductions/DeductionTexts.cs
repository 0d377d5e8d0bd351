using ChatReport.Dialogs.Localization;

namespace ChatReport.Conversation.Deductions;

/// <summary>What recording a deduction (扣分) says.</summary>
public sealed record DeductionTexts : ITextTable<DeductionTexts>
{
    /// <summary>Asks whose points are deducted.</summary>
    public required string AskMember { get; init; }

    /// <summary>No member of the reviewer's branches has this name: (name).</summary>
    public required Func<string, string> MemberNotFound { get; init; }

    /// <summary>Several members have this name: (name).</summary>
    public required Func<string, string> WhichMember { get; init; }

    /// <summary>One of several members with the same name: (name, branch, member number).</summary>
    public required Func<string, string, long, string> MemberChoice { get; init; }

    /// <summary>Asks why, listing the deduction rules after it.</summary>
    public required string AskReason { get; init; }

    /// <summary>One deduction rule in the list: (number, name, default points).</summary>
    public required Func<int, string, int, string> RuleLine { get; init; }

    /// <summary>Asks how many points: (member).</summary>
    public required Func<string, string> AskPoints { get; init; }

    /// <summary>Points outside 1–1000.</summary>
    public required string PointsOutOfRange { get; init; }

    /// <summary>A reviewer tried to deduct their own points.</summary>
    public required string NotYourself { get; init; }

    /// <summary>Recorded: (member, points, reason).</summary>
    public required Func<string, int, string, string> Deducted { get; init; }

    /// <summary>The same message was already recorded: (member, points).</summary>
    public required Func<string, int, string> AlreadyRecorded { get; init; }

    /// <summary>No open period for today.</summary>
    public required string PeriodClosed { get; init; }

    /// <summary>To the member: (points, reason).</summary>
    public required Func<int, string, string> MemberDeducted { get; init; }

    /// <summary>Help while the dialog waits.</summary>
    public required string DeductHelp { get; init; }

    /// <summary>Help line of 扣分.</summary>
    public required string HelpLine { get; init; }

    /// <summary>Simplified Chinese.</summary>
    public static DeductionTexts Chinese { get; } = new()
    {
        AskMember = "给谁扣分？请说名字。",
        MemberNotFound = name => $"你审核的支部里没有叫“{name}”的党员，请检查名字。",
        WhichMember = name => $"有几位叫“{name}”的党员，是哪一位？",
        MemberChoice = (name, branch, id) => $"{name}（{branch}，#{id}）",
        AskReason = "扣分原因是什么？可以回复下面的序号，也可以直接说原因：",
        RuleLine = (number, name, points) => $"{number}. {name}（{points} 分）",
        AskPoints = name => $"扣{name}几分？",
        PointsOutOfRange = "扣分要在 1 到 1000 之间，请重新输入。",
        NotYourself = "不能给自己扣分，请其他审核人记录。",
        Deducted = (name, points, reason) => $"已记录：{name} 扣 {points} 分，原因：{reason}。已通知本人。",
        AlreadyRecorded = (name, points) => $"这条扣分已经记录过了（{name} 扣 {points} 分）。",
        PeriodClosed = "今天不在开放的积分周期里，不能记录扣分。",
        MemberDeducted = (points, reason) => $"你被扣了 {points} 分。原因：{reason}。如有疑问，请联系支部书记。",
        DeductHelp = "你正在记录扣分，回答上面的问题即可。",
        HelpLine = "扣分 张三 5 原因 —— 记录违规扣分",
    };

    /// <summary>English.</summary>
    public static DeductionTexts English { get; } = new()
    {
        AskMember = "Whose points are deducted? Please give the name.",
        MemberNotFound = name => $"No member called \"{name}\" in the branches you review. Please check the name.",
        WhichMember = name => $"Several members are called \"{name}\". Which one?",
        MemberChoice = (name, branch, id) => $"{name} ({branch}, #{id})",
        AskReason = "Why? Reply with a number below, or give the reason in your own words:",
        RuleLine = (number, name, points) => $"{number}. {name} ({points} pts)",
        AskPoints = name => $"How many points are deducted from {name}?",
        PointsOutOfRange = "A deduction must be between 1 and 1000 points. Please try again.",
        NotYourself = "You can't deduct your own points; another reviewer has to.",
        Deducted = (name, points, reason) => $"Recorded: {points} points deducted from {name}. Reason: {reason}. They have been told.",
        AlreadyRecorded = (name, points) => $"That deduction was already recorded ({points} points from {name}).",
        PeriodClosed = "Today is not in an open points cycle, so no deduction can be recorded.",
        MemberDeducted = (points, reason) => $"{points} points were deducted from you. Reason: {reason}. Please talk to your branch secretary if you have questions.",
        DeductHelp = "You are recording a deduction; just answer the question above.",
        HelpLine = "deduct Zhang 5 reason - record a deduction",
    };

    /// <inheritdoc />
    public static DeductionTexts ForLanguage(ReplyLanguage language) => language switch
    {
        ReplyLanguage.Chinese => Chinese,
        ReplyLanguage.English => English,
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, "No deduction texts for this language."),
    };
}
