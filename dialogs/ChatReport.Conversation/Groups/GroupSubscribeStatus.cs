namespace ChatReport.Conversation.Groups;

/// <summary>How a subscription request ended.</summary>
public enum GroupSubscribeStatus
{
    /// <summary>The group now receives the branch's digests.</summary>
    Subscribed = 0,

    /// <summary>It already did; nothing changed.</summary>
    AlreadySubscribed = 1,

    /// <summary>The group received another branch's digests and now receives this one's.</summary>
    MovedFromOtherUnit = 2,

    /// <summary>The host cannot reach the group yet (no stored conversation reference).</summary>
    UnknownConversation = 3,

    /// <summary>The branch does not exist or is inactive.</summary>
    UnknownUnit = 4,
}
