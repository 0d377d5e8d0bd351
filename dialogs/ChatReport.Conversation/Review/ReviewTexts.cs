using System.Globalization;
using ChatReport.Dialogs.Localization;

namespace ChatReport.Conversation.Review;

/// <summary>What review (审核) says: to reviewers in chat, on claim cards, and to members about decisions.</summary>
public sealed record ReviewTexts : ITextTable<ReviewTexts>
{
    /// <summary>Said to someone the bot does not know as a member.</summary>
    public required string NotAMember { get; init; }

    /// <summary>Said to a member who reviews no branch.</summary>
    public required string NotAReviewer { get; init; }

    /// <summary>No claim with this number: (claim id).</summary>
    public required Func<long, string> ClaimNotFound { get; init; }


    /// <summary>A reviewer tried to decide their own claim: (claim id).</summary>
    public required Func<long, string> OwnClaim { get; init; }

    /// <summary>Someone else decided first: (claim id, who, what became of it).</summary>
    public required Func<long, string, string, string> AlreadyDecided { get; init; }

    /// <summary>The claim's period is closed: (claim id).</summary>
    public required Func<long, string> PeriodClosed { get; init; }

    /// <summary>The word for an approved claim.</summary>
    public required string StatusApproved { get; init; }

    /// <summary>The word for a rejected claim.</summary>
    public required string StatusRejected { get; init; }

    /// <summary>The word for a withdrawn claim.</summary>
    public required string StatusWithdrawn { get; init; }

    /// <summary>No pending claims.</summary>
    public required string NoPending { get; init; }

    /// <summary>The head of the pending list: (count).</summary>
    public required Func<int, string> PendingHeader { get; init; }

    /// <summary>One pending claim: (id, member, rule, points, day).</summary>
    public required Func<long, string, string, int, DateOnly, string> PendingLine { get; init; }

    /// <summary>More claims than listed: (how many more).</summary>
    public required Func<int, string> PendingMore { get; init; }

    /// <summary>How to decide from the list.</summary>
    public required string PendingHint { get; init; }

    /// <summary>The card's title: (claim id, member).</summary>
    public required Func<long, string, string> CardTitle { get; init; }

    /// <summary>Label: what happened.</summary>
    public required string LabelWhat { get; init; }

    /// <summary>Label: when.</summary>
    public required string LabelWhen { get; init; }

    /// <summary>Label: where.</summary>
    public required string LabelWhere { get; init; }

    /// <summary>Label: the points asked for.</summary>
    public required string LabelPoints { get; init; }

    /// <summary>Label: the rule.</summary>
    public required string LabelRule { get; init; }

    /// <summary>Shown when no place was given.</summary>
    public required string NoPlace { get; init; }

    /// <summary>A local date and time: (instant already in local time).</summary>
    public required Func<DateTimeOffset, string> When { get; init; }

    /// <summary>A local day.</summary>
    public required Func<DateOnly, string> Day { get; init; }

    /// <summary>The name of a part of the day (下午), after a day.</summary>
    public required Func<Domain.DayPart, string> DayPartName { get; init; }

    /// <summary>Points: (points).</summary>
    public required Func<int, string> Points { get; init; }

    /// <summary>The approve button.</summary>
    public required string ButtonApprove { get; init; }

    /// <summary>The reject button.</summary>
    public required string ButtonReject { get; init; }

    /// <summary>The change-points button.</summary>
    public required string ButtonAdjust { get; init; }

    /// <summary>The command an approve button sends: (claim id).</summary>
    public required Func<long, string> CommandApprove { get; init; }

    /// <summary>The command a reject button sends (the dialog asks for the reason): (claim id).</summary>
    public required Func<long, string> CommandReject { get; init; }

    /// <summary>The command a change-points button sends (the dialog asks for points and reason): (claim id).</summary>
    public required Func<long, string> CommandAdjust { get; init; }

    /// <summary>The plain commands, always in the text: (claim id).</summary>
    public required Func<long, string> CommandsHint { get; init; }

    /// <summary>A new claim arrived (head of the reviewer's notice): (member).</summary>
    public required Func<string, string> NewClaimNotice { get; init; }

    /// <summary>Asks why a claim is rejected: (claim id).</summary>
    public required Func<long, string> AskRejectReason { get; init; }

    /// <summary>Asks for the new points: (claim id, claimed points).</summary>
    public required Func<long, int, string> AskAdjustPoints { get; init; }

    /// <summary>Points outside 0–1000.</summary>
    public required string PointsOutOfRange { get; init; }

    /// <summary>Asks why the points change: (claim id).</summary>
    public required Func<long, string> AskAdjustReason { get; init; }

    /// <summary>Approved: (claim id, member, points).</summary>
    public required Func<long, string, int, string> Approved { get; init; }

    /// <summary>Rejected: (claim id, member).</summary>
    public required Func<long, string, string> Rejected { get; init; }

    /// <summary>Approved with other points: (claim id, member, points).</summary>
    public required Func<long, string, int, string> Adjusted { get; init; }

    /// <summary>Asks to confirm approving all: (count).</summary>
    public required Func<int, string> ConfirmApproveAll { get; init; }

    /// <summary>Nothing the reviewer may approve in bulk.</summary>
    public required string ApproveAllNone { get; init; }

    /// <summary>Bulk approval done: (approved, skipped because someone else decided first).</summary>
    public required Func<int, int, string> ApprovedAll { get; init; }

    /// <summary>The reviewer said no to approving all.</summary>
    public required string ApproveAllCancelled { get; init; }

    /// <summary>To the member: approved (claim id, what, points).</summary>
    public required Func<long, string, int, string> MemberApproved { get; init; }

    /// <summary>To the member: rejected (claim id, what, reason).</summary>
    public required Func<long, string, string, string> MemberRejected { get; init; }

    /// <summary>To the member: approved with other points (claim id, what, claimed, awarded, reason).</summary>
    public required Func<long, string, int, int, string, string> MemberAdjusted { get; init; }

    /// <summary>Reminder head: (count, days waiting).</summary>
    public required Func<int, int, string> ReminderHeader { get; init; }

    /// <summary>Help while a review dialog waits.</summary>
    public required string DecideHelp { get; init; }

    /// <summary>Help line of 待审核.</summary>
    public required string HelpPending { get; init; }

    /// <summary>The button that moves a claim to another rule.</summary>
    public required string ButtonChangeRule { get; init; }

    /// <summary>The command that button sends: claim id.</summary>
    public required Func<long, string> CommandChangeRule { get; init; }

    /// <summary>Help line of 通过.</summary>
    public required string HelpApprove { get; init; }

    /// <summary>Help line of 驳回.</summary>
    public required string HelpReject { get; init; }

    /// <summary>Help line of 改分.</summary>
    public required string HelpAdjust { get; init; }

    /// <summary>Help line of 全部通过.</summary>
    public required string HelpApproveAll { get; init; }

    /// <summary>Simplified Chinese.</summary>
    public static ReviewTexts Chinese { get; } = new()
    {
        NotAMember = "我还不认识你。请先用支部发的邀请码加入，例如“加入 123456”。",
        NotAReviewer = "抱歉，只有本支部的书记和获准审核的支委可以做这件事。",
        ClaimNotFound = id => $"没有找到第 {id} 号申报，请检查编号。",
        OwnClaim = id => $"第 {id} 号是你自己的申报，不能自己审核，请其他审核人处理。",
        AlreadyDecided = (id, who, status) => $"第 {id} 号申报已由{who}处理（{status}），不用再审核了。",
        PeriodClosed = id => $"第 {id} 号申报所在的周期已经结束，不能再审核。",
        StatusApproved = "已通过",
        StatusRejected = "已驳回",
        StatusWithdrawn = "已撤回",
        NoPending = "目前没有待审核的申报。",
        PendingHeader = count => $"待审核申报共 {count} 条：",
        PendingLine = (id, name, rule, points, day) => $"#{id} {name}｜{rule}｜{points} 分｜{day.Month}月{day.Day}日",
        PendingMore = more => $"……还有 {more} 条，处理完上面的再说“待审核”。",
        PendingHint = "回复“通过 编号”、“驳回 编号 原因”或“改分 编号 分数 原因”；也可以说“全部通过”。",
        CardTitle = (id, name) => $"第 {id} 号申报 · {name}",
        LabelWhat = "经过",
        LabelWhen = "时间",
        LabelWhere = "地点",
        LabelPoints = "申报积分",
        LabelRule = "项目",
        NoPlace = "未说明",
        When = local => string.Create(CultureInfo.InvariantCulture, $"{local.Month}月{local.Day}日 {local:HH:mm}"),
        Day = day => $"{day.Month}月{day.Day}日",
        DayPartName = part => part switch
        {
            Domain.DayPart.Morning => "上午",
            Domain.DayPart.Noon => "中午",
            Domain.DayPart.Afternoon => "下午",
            Domain.DayPart.Evening => "晚上",
            _ => "夜里",
        },
        Points = points => $"{points} 分",
        ButtonApprove = "通过",
        ButtonReject = "驳回",
        ButtonAdjust = "改分",
        CommandApprove = id => $"通过 {id}",
        CommandReject = id => $"驳回 {id}",
        CommandAdjust = id => $"改分 {id}",
        ButtonChangeRule = "改规则",
        CommandChangeRule = id => $"改规则 {id}",
        CommandsHint = id => $"回复“通过 {id}”、“驳回 {id} 原因”或“改分 {id} 分数 原因”。",
        NewClaimNotice = name => $"{name} 提交了新的积分申报，请审核：",
        AskRejectReason = id => $"请说一下驳回第 {id} 号申报的原因：",
        AskAdjustPoints = (id, claimed) => $"第 {id} 号申报原报 {claimed} 分，改为多少分？",
        PointsOutOfRange = "分数要在 0 到 1000 之间，请重新输入。",
        AskAdjustReason = id => $"请说一下第 {id} 号申报改分的原因：",
        Approved = (id, name, points) => $"已通过第 {id} 号申报，{name} 得 {points} 分。",
        Rejected = (id, name) => $"已驳回第 {id} 号申报，会告诉{name}原因。",
        Adjusted = (id, name, points) => $"已将第 {id} 号申报改为 {points} 分并通过，会告诉{name}原因。",
        ConfirmApproveAll = count => $"确定一次通过全部 {count} 条待审核申报吗？",
        ApproveAllNone = "没有可以一起通过的申报（自己的申报要由别人审核）。",
        ApprovedAll = (done, skipped) => skipped == 0 ? $"已通过 {done} 条申报。" : $"已通过 {done} 条申报；另有 {skipped} 条已被别人处理。",
        ApproveAllCancelled = "好的，这次没有通过任何申报。",
        MemberApproved = (id, what, points) => $"你的第 {id} 号申报（{what}）已通过，得 {points} 分。",
        MemberRejected = (id, what, reason) => $"你的第 {id} 号申报（{what}）未通过。原因：{reason}",
        MemberAdjusted = (id, what, claimed, points, reason) => $"你的第 {id} 号申报（{what}）已通过，分数由 {claimed} 分改为 {points} 分。原因：{reason}",
        ReminderHeader = (count, days) => $"提醒：有 {count} 条申报已等待审核超过 {days} 天：",
        DecideHelp = "你正在审核一条申报，回答上面的问题即可。",
        HelpPending = "待审核 —— 查看本支部待审核的申报",
        HelpApprove = "通过 12 —— 通过第 12 号申报",
        HelpReject = "驳回 12 原因 —— 驳回申报并说明原因",
        HelpAdjust = "改分 12 5 原因 —— 改为 5 分后通过",
        HelpApproveAll = "全部通过 —— 一次通过所有待审核申报",
    };

    /// <summary>English.</summary>
    public static ReviewTexts English { get; } = new()
    {
        NotAMember = "I don't know you yet. Please join with the code your branch gave you, for example \"join 123456\".",
        NotAReviewer = "Sorry, only the branch secretary and committee members allowed to review can do that.",
        ClaimNotFound = id => $"There is no claim #{id}. Please check the number.",
        OwnClaim = id => $"Claim #{id} is your own; another reviewer has to decide it.",
        AlreadyDecided = (id, who, status) => $"Claim #{id} was already decided by {who} ({status}).",
        PeriodClosed = id => $"The period of claim #{id} is closed, so it can no longer be reviewed.",
        StatusApproved = "approved",
        StatusRejected = "rejected",
        StatusWithdrawn = "withdrawn",
        NoPending = "There are no claims waiting for review.",
        PendingHeader = count => $"{count} claim(s) waiting for review:",
        PendingLine = (id, name, rule, points, day) => string.Create(CultureInfo.InvariantCulture, $"#{id} {name} | {rule} | {points} pts | {day:MMM d}"),
        PendingMore = more => $"... and {more} more; say \"pending\" again once these are done.",
        PendingHint = "Reply \"approve N\", \"reject N reason\" or \"adjust N points reason\"; or say \"approve all\".",
        CardTitle = (id, name) => $"Claim #{id} · {name}",
        LabelWhat = "What",
        LabelWhen = "When",
        LabelWhere = "Where",
        LabelPoints = "Points claimed",
        LabelRule = "Rule",
        NoPlace = "not given",
        When = local => local.ToString("MMM d HH:mm", CultureInfo.InvariantCulture),
        Day = day => day.ToString("MMM d", CultureInfo.InvariantCulture),
        DayPartName = part => part switch
        {
            Domain.DayPart.Morning => "morning",
            Domain.DayPart.Noon => "noon",
            Domain.DayPart.Afternoon => "afternoon",
            Domain.DayPart.Evening => "evening",
            _ => "night",
        },
        Points = points => $"{points} pts",
        ButtonApprove = "Approve",
        ButtonReject = "Reject",
        ButtonAdjust = "Change points",
        CommandApprove = id => $"approve {id}",
        CommandReject = id => $"reject {id}",
        CommandAdjust = id => $"adjust {id}",
        ButtonChangeRule = "Change rule",
        CommandChangeRule = id => $"change-rule {id}",
        CommandsHint = id => $"Reply \"approve {id}\", \"reject {id} reason\" or \"adjust {id} points reason\".",
        NewClaimNotice = name => $"{name} submitted a new claim for review:",
        AskRejectReason = id => $"Why is claim #{id} rejected?",
        AskAdjustPoints = (id, claimed) => $"Claim #{id} asked for {claimed} points. How many should it get?",
        PointsOutOfRange = "Points must be between 0 and 1000. Please try again.",
        AskAdjustReason = id => $"Why do the points of claim #{id} change?",
        Approved = (id, name, points) => $"Claim #{id} approved: {name} gets {points} points.",
        Rejected = (id, name) => $"Claim #{id} rejected; {name} will be told why.",
        Adjusted = (id, name, points) => $"Claim #{id} approved with {points} points; {name} will be told why.",
        ConfirmApproveAll = count => $"Approve all {count} pending claims at once?",
        ApproveAllNone = "There is nothing you can approve at once (your own claims need another reviewer).",
        ApprovedAll = (done, skipped) => skipped == 0 ? $"Approved {done} claim(s)." : $"Approved {done} claim(s); {skipped} had been decided by someone else.",
        ApproveAllCancelled = "OK, nothing was approved.",
        MemberApproved = (id, what, points) => $"Your claim #{id} ({what}) was approved: {points} points.",
        MemberRejected = (id, what, reason) => $"Your claim #{id} ({what}) was not approved. Reason: {reason}",
        MemberAdjusted = (id, what, claimed, points, reason) => $"Your claim #{id} ({what}) was approved with {points} points instead of {claimed}. Reason: {reason}",
        ReminderHeader = (count, days) => $"Reminder: {count} claim(s) have waited more than {days} days for review:",
        DecideHelp = "You are reviewing a claim; just answer the question above.",
        HelpPending = "pending - list the claims waiting for review",
        HelpApprove = "approve 12 - approve claim 12",
        HelpReject = "reject 12 reason - reject a claim, saying why",
        HelpAdjust = "adjust 12 5 reason - approve with 5 points",
        HelpApproveAll = "approve all - approve every pending claim",
    };

    /// <inheritdoc />
    public static ReviewTexts ForLanguage(ReplyLanguage language) => language switch
    {
        ReplyLanguage.Chinese => Chinese,
        ReplyLanguage.English => English,
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, "No review texts for this language."),
    };

    /// <summary>
    /// When a claim's deed happened, as precisely as the member said it: the time on the reader's
    /// clock when one was said, else the member's day with the part of the day (下午) if said.
    /// </summary>
    /// <param name="view">The claim as the reader sees it.</param>
    /// <returns>The text.</returns>
    public string WhenOf(ClaimView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return view.Claim.TimeKnown
            ? When(view.LocalOccurredAt)
            : Day(view.Claim.OccurredOn) + (view.Claim.DayPart is { } part ? " " + DayPartName(part) : string.Empty);
    }
}
