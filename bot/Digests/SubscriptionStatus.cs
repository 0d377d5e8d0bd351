namespace ChatReport.Bot.Digests;

public enum SubscriptionStatus
{
    /// <summary>The group now receives the branch's digests.</summary>
    Subscribed,

    /// <summary>It already did; nothing changed (a redelivered 订阅日报 is harmless).</summary>
    AlreadySubscribed,

    /// <summary>The group received another branch's digests and now receives this one's.</summary>
    MovedFromOtherUnit,

    /// <summary>The bot has no conversation reference for the group yet, so it could never post there.</summary>
    UnknownConversation,

    /// <summary>No such active unit.</summary>
    UnknownUnit,
}
