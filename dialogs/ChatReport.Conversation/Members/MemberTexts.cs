using ChatReport.Dialogs.Localization;

namespace ChatReport.Conversation.Members;

/// <summary>What joining a branch says.</summary>
public sealed record MemberTexts : ITextTable<MemberTexts>
{
    /// <summary>The help-menu line of 加入.</summary>
    public required string JoinHelpLine { get; init; }

    /// <summary>Help while joining.</summary>
    public required string JoinHelp { get; init; }

    /// <summary>Asks for the join code.</summary>
    public required string AskCode { get; init; }

    /// <summary>Asks whether the channel's display name is the member's name (the name).</summary>
    public required Func<string, string> ConfirmName { get; init; }

    /// <summary>Asks for the member's name.</summary>
    public required string AskName { get; init; }

    /// <summary>A name that is empty or too long.</summary>
    public required string NameRetry { get; init; }

    /// <summary>Joined (name, branch).</summary>
    public required Func<string, string, string> Joined { get; init; }

    /// <summary>Another channel account linked to a known member (name).</summary>
    public required Func<string, string> Linked { get; init; }

    /// <summary>The account already belongs to a member (name).</summary>
    public required Func<string, string> AlreadyMember { get; init; }

    /// <summary>A wrong, revoked, expired or used-up code: one answer, so a guesser learns nothing.</summary>
    public required string UnknownCode { get; init; }

    /// <summary>Too many wrong join codes lately from this account, or from its channel or tenant.</summary>
    public required string TooManyJoinAttempts { get; init; }

    /// <summary>The name is a roster entry with a role above member: only a personal code claims it (the name).</summary>
    public required Func<string, string> NeedsPersonalCode { get; init; }

    /// <summary>The account is linked to someone else.</summary>
    public required string LinkedToAnother { get; init; }

    /// <summary>The help-menu line of 绑定.</summary>
    public required string LinkHelpLine { get; init; }

    /// <summary>The help-menu line of 绑定 123456, for people who have not joined on this account.</summary>
    public required string LinkCodeHelpLine { get; init; }

    /// <summary>A new link code for the member (the code, minutes it works).</summary>
    public required Func<string, int, string> LinkCodeIssued { get; init; }

    /// <summary>绑定 without a code from an account that has not joined: how linking works.</summary>
    public required string LinkHowTo { get; init; }

    /// <summary>A wrong, expired or used link code.</summary>
    public required string WrongLinkCode { get; init; }

    /// <summary>Too many wrong link codes from this account.</summary>
    public required string TooManyLinkAttempts { get; init; }

    /// <summary>The name is that of a member already using another account (the name): same person, or a namesake?</summary>
    public required Func<string, string> NamesakeQuestion { get; init; }

    /// <summary>The Chinese texts.</summary>
    public static MemberTexts Chinese { get; } = new()
    {
        JoinHelpLine = "加入 123456 —— 用书记给的码加入支部",
        JoinHelp = "正在加入支部：需要书记给您的加入码，再确认您的姓名。",
        AskCode = "请发送书记给您的加入码（6位数字）。",
        ConfirmName = name => $"您的姓名是“{name}”吗？",
        AskName = "请告诉我您的姓名（和支部花名册上一致）。",
        NameRetry = "请发送您的姓名，20个字以内。",
        Joined = (name, branch) => $"欢迎{name}加入{branch}！\n以后做了好事直接告诉我，例如：昨天下午在村口扫雪。发“帮助”看看我还能做什么。",
        Linked = name => $"好了，这个账号和{name}连上了，积分是同一份。",
        AlreadyMember = name => $"您已经加入了，{name}。发“我的积分”看看吧。",
        UnknownCode = "这个加入码不对或已失效。请核对后再发一次（例如：加入 123456），或向书记要一个新的。",
        TooManyJoinAttempts = "加入码试错次数太多了，请过一段时间再试，或直接找书记。",
        NeedsPersonalCode = name => $"花名册上的“{name}”担任职务，要用发给本人的个人加入码才能认领。请向书记或上级党组织索取，再发：加入 个人码。\n如果您是另一位同名的党员，请用能区分的名字加入（例如加上村组）。",
        LinkedToAnother = "这个账号已关联到另一位党员，请联系书记处理。",
        LinkHelpLine = "绑定 —— 换了手机也能接着用",
        LinkCodeHelpLine = "绑定 123456 —— 在别的账号加入过，用绑定码连上",
        LinkCodeIssued = (code, minutes) => $"您的绑定码：{code}\n请在新账号上发：绑定 {code}\n{minutes}分钟内有效，只能用一次，别告诉别人。",
        LinkHowTo = "想用这个账号？请先在您已经用着的账号上发“绑定”，拿到6位绑定码，再在这里发：绑定 123456",
        WrongLinkCode = "这个绑定码不对或已过期。请在原来的账号上重新发“绑定”拿新码。",
        TooManyLinkAttempts = "试错次数太多了，请过一刻钟再试。",
        NamesakeQuestion = name => $"支部里已经有一位“{name}”在用别的账号。\n如果那就是您，请回“不是”，然后在原来的账号上发“绑定”。\n您是另一位同名的党员吗？",
    };

    /// <summary>The English texts.</summary>
    public static MemberTexts English { get; } = new()
    {
        JoinHelpLine = "join 123456 - join your branch with your secretary's code",
        JoinHelp = "Joining a branch: I need the code from your secretary, then your name.",
        AskCode = "Please send the join code your secretary gave you (6 digits).",
        ConfirmName = name => $"Is your name \"{name}\"?",
        AskName = "Please tell me your name, as it is on the branch roster.",
        NameRetry = "Please send your name, at most 20 characters.",
        Joined = (name, branch) => $"Welcome to {branch}, {name}!\nWhenever you do a good deed, just tell me, e.g. \"cleared snow at the village gate yesterday\". Say \"help\" to see what else I can do.",
        Linked = name => $"Done: this account is now linked to {name}, with the same points.",
        AlreadyMember = name => $"You have already joined, {name}. Say \"my points\" to see your points.",
        UnknownCode = "That join code is not right or no longer works. Please check it and send it again (e.g. join 123456), or ask your secretary for a new one.",
        TooManyJoinAttempts = "Too many wrong join codes. Please try again later, or ask your secretary.",
        NeedsPersonalCode = name => $"\"{name}\" on the roster holds an office, which only the personal code issued for that person can claim. Please ask your secretary or the committee above for it, then send: join <personal code>.\nIf you are another member with the same name, please join under a name that tells you apart.",
        LinkedToAnother = "This account is linked to another member. Please contact your secretary.",
        LinkHelpLine = "link - use me on a new phone too",
        LinkCodeHelpLine = "link 123456 - joined on another account? Connect this one",
        LinkCodeIssued = (code, minutes) => $"Your link code: {code}\nOn the new account, send: link {code}\nIt works once, for {minutes} minutes. Don't share it.",
        LinkHowTo = "To use this account, first send \"link\" from the account you already use to get a 6-digit code, then send it here: link 123456",
        WrongLinkCode = "That link code is wrong or has expired. Send \"link\" on your other account for a new one.",
        TooManyLinkAttempts = "Too many wrong codes. Please try again in a quarter of an hour.",
        NamesakeQuestion = name => $"A member called \"{name}\" already uses another account.\nIf that is you, answer \"no\" and send \"link\" from that account.\nAre you a different member with the same name?",
    };

    /// <summary>The table for <paramref name="language"/>.</summary>
    public static MemberTexts ForLanguage(ReplyLanguage language) => language == ReplyLanguage.English ? English : Chinese;
}
