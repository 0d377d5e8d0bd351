using System.Globalization;
using ChatReport.Dialogs.Localization;

namespace ChatReport.Conversation.Tasks;

/// <summary>What service tasks (创造挣分机会) say.</summary>
public sealed record TaskTexts : ITextTable<TaskTexts>
{
    /// <summary>Asks what the task is.</summary>
    public required string AskWhat { get; init; }

    /// <summary>Asks when.</summary>
    public required string AskWhen { get; init; }

    /// <summary>The time must be in the future.</summary>
    public required string WhenInPast { get; init; }

    /// <summary>Asks where.</summary>
    public required string AskWhere { get; init; }

    /// <summary>Asks the points each participant gets.</summary>
    public required string AskPoints { get; init; }

    /// <summary>Points outside 0–1000.</summary>
    public required string PointsOutOfRange { get; init; }

    /// <summary>Asks how many places (0 for no limit).</summary>
    public required string AskPlaces { get; init; }

    /// <summary>Posted: (task id).</summary>
    public required Func<long, string> Posted { get; init; }

    /// <summary>The announcement: (id, what, when, where, points, places or 0).</summary>
    public required Func<long, string, DateTimeOffset, string, int, int, string> Announcement { get; init; }

    /// <summary>The sign-up button.</summary>
    public required string ButtonSignUp { get; init; }

    /// <summary>The sign-up command: (task id).</summary>
    public required Func<long, string> CommandSignUp { get; init; }

    /// <summary>Signed up: (task id, what).</summary>
    public required Func<long, string, string> SignedUp { get; init; }

    /// <summary>Already signed up: (task id).</summary>
    public required Func<long, string> AlreadySignedUp { get; init; }

    /// <summary>All places are taken: (task id).</summary>
    public required Func<long, string> Full { get; init; }

    /// <summary>The task is closed: (task id).</summary>
    public required Func<long, string> NotOpen { get; init; }

    /// <summary>No such task for this member: (task id).</summary>
    public required Func<long, string> NotFound { get; init; }

    /// <summary>Asks who took part: (task id, names signed up).</summary>
    public required Func<long, string, string> AskParticipants { get; init; }

    /// <summary>Names not found among the branch's members: (names).</summary>
    public required Func<string, string> UnknownNames { get; init; }

    /// <summary>Completed: (task id, participants, points each).</summary>
    public required Func<long, int, int, string> Completed { get; init; }

    /// <summary>To a participant: (what, points).</summary>
    public required Func<string, int, string> MemberAwarded { get; init; }

    /// <summary>Cancelled: (task id, how many were told).</summary>
    public required Func<long, int, string> Cancelled { get; init; }

    /// <summary>To someone signed up: (what).</summary>
    public required Func<string, string> MemberCancelled { get; init; }

    /// <summary>Already completed or cancelled: (task id).</summary>
    public required Func<long, string> AlreadyClosed { get; init; }

    /// <summary>No open period for the task's day.</summary>
    public required string PeriodClosed { get; init; }

    /// <summary>Help while a task dialog waits.</summary>
    public required string TaskHelp { get; init; }

    /// <summary>Help lines for reviewers.</summary>
    public required string HelpReviewer { get; init; }

    /// <summary>Help line for members.</summary>
    public required string HelpMember { get; init; }

    /// <summary>Simplified Chinese.</summary>
    public static TaskTexts Chinese { get; } = new()
    {
        AskWhat = "要发布什么任务？（例如：清扫村口积雪）",
        AskWhen = "什么时候开始？（例如：明天上午8点）",
        WhenInPast = "这个时间已经过去了，请说一个以后的时间。",
        AskWhere = "在哪里？",
        AskPoints = "每位参加的党员加几分？",
        PointsOutOfRange = "分数要在 0 到 1000 之间，请重新输入。",
        AskPlaces = "限多少人？不限人数请回复 0。",
        Posted = id => $"第 {id} 号任务已发布到支部群。",
        Announcement = (id, what, when, where, points, places) =>
            string.Create(CultureInfo.InvariantCulture, $"【挣分机会 第 {id} 号】{what}\n时间：{when.Month}月{when.Day}日 {when:HH:mm}\n地点：{where}\n每人 {points} 分{(places > 0 ? $"，限 {places} 人" : "")}\n回复“报名 {id}”参加。"),
        ButtonSignUp = "报名",
        CommandSignUp = id => $"报名 {id}",
        SignedUp = (id, what) => $"报名成功：第 {id} 号任务（{what}）。",
        AlreadySignedUp = id => $"你已经报过第 {id} 号任务了。",
        Full = id => $"抱歉，第 {id} 号任务名额已满。",
        NotOpen = id => $"第 {id} 号任务已经结束或取消，不能报名了。",
        NotFound = id => $"没有找到你们支部的第 {id} 号任务。",
        AskParticipants = (id, names) => $"第 {id} 号任务有谁参加了？回复“全部”（报名的人：{names}），或者写名字，用空格或顿号隔开。",
        UnknownNames = names => $"支部里找不到这些名字：{names}。请重新写一遍。",
        Completed = (id, count, points) => $"第 {id} 号任务已确认，{count} 人每人加 {points} 分，已通知本人。",
        MemberAwarded = (what, points) => $"感谢参加“{what}”，你获得 {points} 分。",
        Cancelled = (id, count) => $"第 {id} 号任务已取消，已通知 {count} 位报名的党员。",
        MemberCancelled = what => $"你报名的任务“{what}”已取消。",
        AlreadyClosed = id => $"第 {id} 号任务已经确认或取消过了。",
        PeriodClosed = "任务日期不在开放的积分周期里，不能加分。",
        TaskHelp = "你正在处理服务任务，回答上面的问题即可。",
        HelpReviewer = "发布任务 / 确认任务 7 / 取消任务 7 —— 发布、确认、取消服务任务",
        HelpMember = "报名 7 —— 报名参加第 7 号任务",
    };

    /// <summary>English.</summary>
    public static TaskTexts English { get; } = new()
    {
        AskWhat = "What is the task? (for example: clear the snow at the village gate)",
        AskWhen = "When does it start? (for example: tomorrow 8am)",
        WhenInPast = "That time has passed; please give a time in the future.",
        AskWhere = "Where?",
        AskPoints = "How many points does each participant get?",
        PointsOutOfRange = "Points must be between 0 and 1000. Please try again.",
        AskPlaces = "How many places? Reply 0 for no limit.",
        Posted = id => $"Task #{id} was posted to the branch group.",
        Announcement = (id, what, when, where, points, places) =>
            string.Create(CultureInfo.InvariantCulture, $"[Chance to earn points, task #{id}] {what}\nWhen: {when:MMM d HH:mm}\nWhere: {where}\n{points} points each{(places > 0 ? $", {places} places" : "")}\nReply \"join task {id}\" to take part."),
        ButtonSignUp = "Sign up",
        CommandSignUp = id => $"join task {id}",
        SignedUp = (id, what) => $"You are signed up for task #{id} ({what}).",
        AlreadySignedUp = id => $"You are already signed up for task #{id}.",
        Full = id => $"Sorry, task #{id} is full.",
        NotOpen = id => $"Task #{id} is over or cancelled.",
        NotFound = id => $"Your branch has no task #{id}.",
        AskParticipants = (id, names) => $"Who took part in task #{id}? Reply \"all\" (signed up: {names}) or list the names separated by spaces or commas.",
        UnknownNames = names => $"These names are not in the branch: {names}. Please try again.",
        Completed = (id, count, points) => $"Task #{id} confirmed: {count} people get {points} points each and have been told.",
        MemberAwarded = (what, points) => $"Thank you for taking part in \"{what}\": you get {points} points.",
        Cancelled = (id, count) => $"Task #{id} was cancelled; {count} people who signed up have been told.",
        MemberCancelled = what => $"The task \"{what}\" you signed up for was cancelled.",
        AlreadyClosed = id => $"Task #{id} was already confirmed or cancelled.",
        PeriodClosed = "The task's day is not in an open points cycle, so no points can be awarded.",
        TaskHelp = "You are working on a service task; just answer the question above.",
        HelpReviewer = "post task / complete task 7 / cancel task 7 - manage service tasks",
        HelpMember = "join task 7 - sign up for task 7",
    };

    /// <inheritdoc />
    public static TaskTexts ForLanguage(ReplyLanguage language) => language switch
    {
        ReplyLanguage.Chinese => Chinese,
        ReplyLanguage.English => English,
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, "No task texts for this language."),
    };
}
