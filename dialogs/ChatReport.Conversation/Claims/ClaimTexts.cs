using System.Globalization;
using ChatReport.Conversation.Common;
using ChatReport.Dialogs.Localization;

namespace ChatReport.Conversation.Claims;

/// <summary>What reporting and withdrawing a claim say.</summary>
public sealed record ClaimTexts : ITextTable<ClaimTexts>
{
    /// <summary>Asks for the day when the member named only a span (上个月, 上周, 前几天).</summary>
    public required string AskWhichDay { get; init; }

    /// <summary>Said again when the answer to <see cref="AskWhichDay"/> was not one day.</summary>
    public required string WhichDayRetry { get; init; }

    /// <summary>A day as a button (its text is also what the date prompt reads).</summary>
    public required Func<DateOnly, string> DayButton { get; init; }

    /// <summary>The name of a part of the day.</summary>
    public required Func<Domain.DayPart, string> DayPartName { get; init; }

    /// <summary>The button that shows every rule when the offered ones do not fit.</summary>
    public required string OtherRule { get; init; }

    /// <summary>Said when a member tells of a deduction (没交党费): members do not report those.</summary>
    public required string DeductionNotClaimed { get; init; }

    /// <summary>The help-menu line of 申报.</summary>
    public required string ReportHelpLine { get; init; }

    /// <summary>The help-menu line of 撤回.</summary>
    public required string WithdrawHelpLine { get; init; }

    /// <summary>Help while reporting.</summary>
    public required string ReportHelp { get; init; }

    /// <summary>Asks what the member did.</summary>
    public required string AskWhat { get; init; }

    /// <summary>Asks when.</summary>
    public required string AskWhen { get; init; }

    /// <summary>Asks where.</summary>
    public required string AskWhere { get; init; }

    /// <summary>Asks which rule, when the sentence named several or none.</summary>
    public required string AskRule { get; init; }

    /// <summary>Asks for the points.</summary>
    public required string AskPoints { get; init; }

    /// <summary>Points out of range.</summary>
    public required string PointsRetry { get; init; }

    /// <summary>Asks for a photo.</summary>
    public required string AskPhoto { get; init; }

    /// <summary>A date in the future.</summary>
    public required string FutureDate { get; init; }

    /// <summary>A date outside the open cycle.</summary>
    public required string OutsideCycle { get; init; }

    /// <summary>The rule's cap for the period is used up (rule, cap, period).</summary>
    public required Func<string, int, string, string> CapReached { get; init; }

    /// <summary>More points than the cap leaves (rule, cap, period, remaining).</summary>
    public required Func<string, int, string, int, string> AboveCap { get; init; }

    /// <summary>At submit, other claims had meanwhile used part of the cap (rule, cap, period, remaining): the points were lowered and the summary follows.</summary>
    public required Func<string, int, string, int, string> CapShrankAtSubmit { get; init; }

    /// <summary>A claim of the same rule on the same day exists (rule, claim number).</summary>
    public required Func<string, long, string> SameDayWarning { get; init; }

    /// <summary>Asks why a second claim on the same day.</summary>
    public required string AskNote { get; init; }

    /// <summary>Not submitted, at the member's word.</summary>
    public required string NotSubmitted { get; init; }

    /// <summary>The summary's first line.</summary>
    public required string SummaryHeader { get; init; }

    /// <summary>The summary's when line.</summary>
    public required Func<DateOnly, string?, string> SummaryWhen { get; init; }

    /// <summary>The summary's where line.</summary>
    public required Func<string, string> SummaryWhere { get; init; }

    /// <summary>The summary's what line.</summary>
    public required Func<string, string> SummaryWhat { get; init; }

    /// <summary>The summary's rule and points line.</summary>
    public required Func<string, int, string> SummaryRule { get; init; }

    /// <summary>The summary's photos line.</summary>
    public required Func<int, string> SummaryPhotos { get; init; }

    /// <summary>The summary's note line.</summary>
    public required Func<string, string> SummaryNote { get; init; }

    /// <summary>The place when none was given.</summary>
    public required string NoPlace { get; init; }

    /// <summary>The submit button.</summary>
    public required string Submit { get; init; }

    /// <summary>The change button.</summary>
    public required string Change { get; init; }

    /// <summary>The cancel button.</summary>
    public required string Cancel { get; init; }

    /// <summary>Asks which field to change.</summary>
    public required string AskField { get; init; }

    /// <summary>The when field.</summary>
    public required string FieldWhen { get; init; }

    /// <summary>The where field.</summary>
    public required string FieldWhere { get; init; }

    /// <summary>The what field.</summary>
    public required string FieldWhat { get; init; }

    /// <summary>The rule field.</summary>
    public required string FieldRule { get; init; }

    /// <summary>The points field.</summary>
    public required string FieldPoints { get; init; }

    /// <summary>The photo field.</summary>
    public required string FieldPhoto { get; init; }

    /// <summary>Submitted (claim number).</summary>
    public required Func<long, string> Submitted { get; init; }

    /// <summary>The member is not active.</summary>
    public required string MemberNotActive { get; init; }

    /// <summary>The rule can no longer be claimed.</summary>
    public required string RuleNotClaimable { get; init; }

    /// <summary>Not reported.</summary>
    public required string ReportCancelled { get; init; }

    /// <summary>Period names for caps.</summary>
    public required string PeriodDay { get; init; }

    /// <summary>The week cap period.</summary>
    public required string PeriodWeek { get; init; }

    /// <summary>The month cap period.</summary>
    public required string PeriodMonth { get; init; }

    /// <summary>The quarter cap period.</summary>
    public required string PeriodQuarter { get; init; }

    /// <summary>The year cap period.</summary>
    public required string PeriodYear { get; init; }

    /// <summary>Asks which claim to withdraw.</summary>
    public required string AskClaimNumber { get; init; }

    /// <summary>Confirms the withdrawal (claim number, description).</summary>
    public required Func<long, string, string> ConfirmWithdraw { get; init; }

    /// <summary>Withdrawn (claim number).</summary>
    public required Func<long, string> Withdrawn { get; init; }

    /// <summary>Kept (claim number).</summary>
    public required Func<long, string> NotWithdrawn { get; init; }

    /// <summary>No such claim of the member's (claim number).</summary>
    public required Func<long, string> ClaimNotFound { get; init; }

    /// <summary>The claim is no longer pending (claim number).</summary>
    public required Func<long, string> ClaimNotPending { get; init; }

    /// <summary>The Chinese texts.</summary>
    public static ClaimTexts Chinese { get; } = new()
    {
        ReportHelpLine = "申报 昨天在村口扫雪 —— 报积分",
        WithdrawHelpLine = "撤回 12 —— 收回还没审核的申报",
        ReportHelp = "正在申报积分：我需要知道时间、地点、做了什么。",
        AskWhat = "请说说您做了什么，例如：昨天下午在村口扫雪",
        AskWhen = "是哪天做的？例如：昨天下午、10月8日",
        AskWhere = "在哪里做的？没有具体地点就说“跳过”。",
        AskRule = "这件事算哪一项？",
        AskPoints = "申报多少分？",
        PointsRetry = "请回复 1 到 100 之间的分数。",
        AskPhoto = "有照片的话发一张，没有就点“跳过”。",
        FutureDate = "这个日期还没到，只能申报已经做过的事。",
        OutsideCycle = "这一天不在今年的积分时间里，不能申报。",
        CapReached = (rule, cap, period) => $"“{rule}”{period}最多 {cap} 分，已经申报满了，这次不能再报。",
        AboveCap = (rule, cap, period, remaining) => $"“{rule}”{period}最多 {cap} 分，还能申报 {remaining} 分。按 {remaining} 分申报吗？",
        CapShrankAtSubmit = (rule, cap, period, remaining) => $"刚才又有一条“{rule}”报上来了，{period}最多 {cap} 分，现在只能报 {remaining} 分。已改成 {remaining} 分，请再看一下：",
        SameDayWarning = (rule, number) => $"您这天已经申报过“{rule}”（编号 {number}）。确定还要再报一次吗？",
        AskNote = "请简单说明为什么要再报一次，书记审核时会看到。",
        NotSubmitted = "好的，这次不申报了。",
        SummaryHeader = "请看一下对不对：",
        SummaryWhen = (day, detail) => $"时间：{day.Month}月{day.Day}日" + (detail is null ? string.Empty : " " + detail),
        AskWhichDay = "具体是哪一天做的？点一下日期，或者直接说，例如 10月8日。",
        WhichDayRetry = "请说具体哪一天，例如 10月8日、上周六、前天。",
        DayButton = day => $"{day.Month}月{day.Day}日",
        DayPartName = part => part switch
        {
            Domain.DayPart.Morning => "上午",
            Domain.DayPart.Noon => "中午",
            Domain.DayPart.Afternoon => "下午",
            Domain.DayPart.Evening => "晚上",
            _ => "夜里",
        },
        OtherRule = "都不是，看全部项目",
        DeductionNotClaimed = "扣分由支部书记登记，不用自己申报。有疑问请直接找书记。做了好事可以发“申报”加上经过。",
        SummaryWhere = place => $"地点：{place}",
        SummaryWhat = what => $"事项：{what}",
        SummaryRule = (rule, points) => $"项目：{rule}，{points} 分",
        SummaryPhotos = count => $"照片：{count} 张",
        SummaryNote = note => $"说明：{note}",
        NoPlace = "（没说）",
        Submit = "提交",
        Change = "修改",
        Cancel = "取消",
        AskField = "要改哪一项？",
        FieldWhen = "时间",
        FieldWhere = "地点",
        FieldWhat = "事项",
        FieldRule = "项目",
        FieldPoints = "分数",
        FieldPhoto = "照片",
        Submitted = number => $"已提交，编号 {number}，等书记审核。发“我的积分”可以查看。",
        MemberNotActive = "您的账号暂时停用了，不能申报，请找支部书记。",
        RuleNotClaimable = "这一项现在不能申报了，请换一项。",
        ReportCancelled = "好的，这次不申报了。",
        PeriodDay = "每天",
        PeriodWeek = "每周",
        PeriodMonth = "每月",
        PeriodQuarter = "每季度",
        PeriodYear = "每年",
        AskClaimNumber = "要撤回哪一条？请发编号，例如 12。",
        ConfirmWithdraw = (number, what) => $"撤回编号 {number}“{what}”吗？",
        Withdrawn = number => $"编号 {number} 已撤回。",
        NotWithdrawn = number => $"好的，编号 {number} 保留。",
        ClaimNotFound = number => $"没有找到您的申报编号 {number}。",
        ClaimNotPending = number => $"编号 {number} 已经审核过了，不能撤回。",
    };

    /// <summary>The English texts.</summary>
    public static ClaimTexts English { get; } = new()
    {
        ReportHelpLine = "report cleared snow yesterday - claim points",
        WithdrawHelpLine = "withdraw 12 - take back a claim not yet reviewed",
        ReportHelp = "Reporting a good deed: I need when, where and what you did.",
        AskWhat = "What did you do? For example: cleared snow at the village gate yesterday afternoon",
        AskWhen = "When was it? For example: yesterday afternoon, Oct 8",
        AskWhere = "Where was it? Say \"skip\" if there is no particular place.",
        AskRule = "Which item does this count as?",
        AskPoints = "How many points?",
        PointsRetry = "Please reply with points between 1 and 100.",
        AskPhoto = "Send a photo if you have one, or tap \"Skip\".",
        FutureDate = "That date has not come yet; you can only report what you have done.",
        OutsideCycle = "That date is outside this year's points cycle, so it cannot be reported.",
        CapReached = (rule, cap, period) => $"\"{rule}\" gives at most {EnglishCounts.Points(cap)} {period}, and you have reached that. This one cannot be reported.",
        AboveCap = (rule, cap, period, remaining) => $"\"{rule}\" gives at most {EnglishCounts.Points(cap)} {period}; you have {EnglishCounts.Points(remaining)} left. Report {EnglishCounts.Points(remaining)}?",
        CapShrankAtSubmit = (rule, cap, period, remaining) => $"Another \"{rule}\" claim came in just now. It gives at most {EnglishCounts.Points(cap)} {period}, so you have {EnglishCounts.Points(remaining)} left. I changed this one to {EnglishCounts.Points(remaining)}; please check:",
        SameDayWarning = (rule, number) => $"You already reported \"{rule}\" for that day (no. {number}). Report it again anyway?",
        AskNote = "Please say briefly why it is reported again; the secretary will see it.",
        NotSubmitted = "OK, nothing was reported.",
        SummaryHeader = "Please check:",
        SummaryWhen = (day, detail) => "When: " + day.ToString("MMM d", CultureInfo.GetCultureInfo("en-US")) + (detail is null ? string.Empty : ", " + detail),
        AskWhichDay = "Which day exactly? Tap a date or say one, for example Oct 8.",
        WhichDayRetry = "Please name one day, for example Oct 8, last Saturday, the day before yesterday.",
        DayButton = day => day.ToString("MMM d", CultureInfo.GetCultureInfo("en-US")),
        DayPartName = part => part switch
        {
            Domain.DayPart.Morning => "in the morning",
            Domain.DayPart.Noon => "at noon",
            Domain.DayPart.Afternoon => "in the afternoon",
            Domain.DayPart.Evening => "in the evening",
            _ => "at night",
        },
        OtherRule = "None of these: show all",
        DeductionNotClaimed = "Deductions are recorded by the branch secretary; you do not report them. Please ask your secretary if something is wrong. To claim a good deed, say \"report\" and what you did.",
        SummaryWhere = place => $"Where: {place}",
        SummaryWhat = what => $"What: {what}",
        SummaryRule = (rule, points) => $"Item: {rule}, {EnglishCounts.Points(points)}",
        SummaryPhotos = count => $"Photos: {EnglishCounts.Photos(count)}",
        SummaryNote = note => $"Note: {note}",
        NoPlace = "(none)",
        Submit = "Submit",
        Change = "Change",
        Cancel = "Cancel",
        AskField = "What would you like to change?",
        FieldWhen = "When",
        FieldWhere = "Where",
        FieldWhat = "What",
        FieldRule = "Item",
        FieldPoints = "Points",
        FieldPhoto = "Photo",
        Submitted = number => $"Submitted as no. {number}; the secretary will review it. Say \"my points\" to check.",
        MemberNotActive = "Your membership is not active, so you cannot report. Please contact your secretary.",
        RuleNotClaimable = "That item can no longer be claimed; please pick another.",
        ReportCancelled = "OK, nothing was reported.",
        PeriodDay = "per day",
        PeriodWeek = "per week",
        PeriodMonth = "per month",
        PeriodQuarter = "per quarter",
        PeriodYear = "per year",
        AskClaimNumber = "Which claim? Please send its number, e.g. 12.",
        ConfirmWithdraw = (number, what) => $"Withdraw claim no. {number} \"{what}\"?",
        Withdrawn = number => $"Claim no. {number} is withdrawn.",
        NotWithdrawn = number => $"OK, claim no. {number} stays.",
        ClaimNotFound = number => $"I found no claim no. {number} of yours.",
        ClaimNotPending = number => $"Claim no. {number} has already been reviewed and cannot be withdrawn.",
    };

    /// <summary>The table for <paramref name="language"/>.</summary>
    public static ClaimTexts ForLanguage(ReplyLanguage language) => language == ReplyLanguage.English ? English : Chinese;

    /// <summary>The name of a cap period.</summary>
    /// <param name="period">The period.</param>
    /// <returns>Its name in this language.</returns>
    public string PeriodName(Domain.CapPeriod period) => period switch
    {
        Domain.CapPeriod.Day => PeriodDay,
        Domain.CapPeriod.Week => PeriodWeek,
        Domain.CapPeriod.Month => PeriodMonth,
        Domain.CapPeriod.Quarter => PeriodQuarter,
        _ => PeriodYear,
    };
}
