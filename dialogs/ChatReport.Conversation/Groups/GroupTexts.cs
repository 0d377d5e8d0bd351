using ChatReport.Dialogs.Localization;

namespace ChatReport.Conversation.Groups;

/// <summary>What the group commands say: 订阅日报 and 退订 in a branch's group chat.</summary>
public sealed record GroupTexts : ITextTable<GroupTexts>
{
    /// <summary>订阅日报 said in a personal chat.</summary>
    public required string SubscribeInGroup { get; init; }

    /// <summary>退订 said in a personal chat.</summary>
    public required string UnsubscribeInGroup { get; init; }

    /// <summary>Said to someone the bot does not know as an active member.</summary>
    public required string NotAMember { get; init; }

    /// <summary>Said to a member who reviews no branch.</summary>
    public required string NotAReviewer { get; init; }

    /// <summary>Asks which of the reviewer's branches the group belongs to.</summary>
    public required string WhichUnit { get; init; }

    /// <summary>Subscribed: (branch).</summary>
    public required Func<string, string> Subscribed { get; init; }

    /// <summary>Subscribed when the bot was added by the branch's reviewer: (branch).</summary>
    public required Func<string, string> SubscribedOnJoin { get; init; }

    /// <summary>The group was subscribed already: (branch).</summary>
    public required Func<string, string> AlreadySubscribed { get; init; }

    /// <summary>The group changed branch: (new branch, old branch).</summary>
    public required Func<string, string, string> Moved { get; init; }

    /// <summary>The bot has no conversation reference for the group yet.</summary>
    public required string CannotReachGroup { get; init; }

    /// <summary>The branch is inactive.</summary>
    public required string UnitGone { get; init; }

    /// <summary>Unsubscribed: (branch).</summary>
    public required Func<string, string> Unsubscribed { get; init; }

    /// <summary>退订 in a group that receives nothing.</summary>
    public required string NotSubscribed { get; init; }

    /// <summary>退订, or 订阅日报 for another branch, from someone who does not review the group's branch: (the group's branch).</summary>
    public required Func<string, string> NotReviewerOfGroupUnit { get; init; }

    /// <summary>Help while the branch question waits.</summary>
    public required string ChooseHelp { get; init; }

    /// <summary>Help line of 订阅日报.</summary>
    public required string HelpSubscribe { get; init; }

    /// <summary>Help line of 退订.</summary>
    public required string HelpUnsubscribe { get; init; }

    /// <summary>Simplified Chinese.</summary>
    public static GroupTexts Chinese { get; } = new()
    {
        SubscribeInGroup = "请在支部的群聊里说“订阅日报”，我就把日报发到那个群。",
        UnsubscribeInGroup = "请在要停止日报的群聊里说“退订”。",
        NotAMember = "我还不认识你。请先用支部发的邀请码私聊我加入，例如“加入 123456”。",
        NotAReviewer = "抱歉，只有支部书记和获准审核的支委可以为群订阅或退订日报，群里的日报没有变化。",
        WhichUnit = "你审核好几个支部。这个群收哪个支部的日报？",
        Subscribed = unit => $"好的，本群以后每天晚上会收到“{unit}”的日报，季度公示也会发到这里。不想收了说“退订”。",
        SubscribedOnJoin = unit => $"本群已订阅“{unit}”的日报（把我拉进群的是这个支部的审核人）。不对的话说“退订”。",
        AlreadySubscribed = unit => $"本群已经订阅了“{unit}”的日报，不用再订。",
        Moved = (unit, previous) => $"本群原来收“{previous}”的日报，现在改收“{unit}”的日报。",
        CannotReachGroup = "我还没记下这个群的地址，请过一会儿再说一次“订阅日报”。",
        UnitGone = "这个支部已经停用，不能订阅日报。",
        Unsubscribed = unit => $"好的，本群不再收到“{unit}”的日报。想再收时说“订阅日报”。",
        NotSubscribed = "本群没有订阅日报，不用退订。",
        NotReviewerOfGroupUnit = unit => $"抱歉，本群收的是“{unit}”的日报，只有“{unit}”的书记和获准审核的支委可以退订或改订，日报照常发送。",
        ChooseHelp = "选一个支部即可，或说“取消”。",
        HelpSubscribe = "订阅日报 —— 在支部群里说，群里每晚收到日报",
        HelpUnsubscribe = "退订 —— 在群里说，群里不再收日报",
    };

    /// <summary>English.</summary>
    public static GroupTexts English { get; } = new()
    {
        SubscribeInGroup = "Please say \"subscribe\" in the branch's group chat, and I will post the daily digest there.",
        UnsubscribeInGroup = "Please say \"unsubscribe\" in the group chat that should stop getting the digest.",
        NotAMember = "I don't know you yet. Please message me privately to join with your branch's code, for example \"join 123456\".",
        NotAReviewer = "Sorry, only a branch secretary or a committee member allowed to review can subscribe or unsubscribe a group. Nothing changed.",
        WhichUnit = "You review several branches. Which branch's digest should this group get?",
        Subscribed = unit => $"Done: this group will get the daily digest of {unit} every evening, and its quarterly notices. Say \"unsubscribe\" to stop.",
        SubscribedOnJoin = unit => $"This group now gets the daily digest of {unit} (a reviewer of that branch added me). If that is wrong, say \"unsubscribe\".",
        AlreadySubscribed = unit => $"This group already gets the daily digest of {unit}.",
        Moved = (unit, previous) => $"This group got the digest of {previous}; it now gets the digest of {unit}.",
        CannotReachGroup = "I have not recorded this group's address yet. Please say \"subscribe\" again in a moment.",
        UnitGone = "That branch is no longer active, so it has no digest.",
        Unsubscribed = unit => $"Done: this group no longer gets the daily digest of {unit}. Say \"subscribe\" to get it again.",
        NotSubscribed = "This group does not get a digest, so there is nothing to stop.",
        NotReviewerOfGroupUnit = unit => $"Sorry, this group gets the digest of {unit}; only the secretary or a reviewing committee member of {unit} can stop or change it. It continues.",
        ChooseHelp = "Pick one of the branches, or say \"cancel\".",
        HelpSubscribe = "subscribe - said in a branch group: the group gets the daily digest",
        HelpUnsubscribe = "unsubscribe - said in a group: it stops getting the digest",
    };

    /// <inheritdoc />
    public static GroupTexts ForLanguage(ReplyLanguage language) => language switch
    {
        ReplyLanguage.Chinese => Chinese,
        ReplyLanguage.English => English,
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, "No group texts for this language."),
    };
}
