namespace ChatReport.Bot.Storage.Channels;

/// <summary>A group chat that receives a branch's digests and notices. A branch may have several.</summary>
public sealed record GroupSubscription(
    GroupAddress Group,
    long UnitId,
    long? SubscribedBy,
    DateTimeOffset SubscribedAt,
    DateTimeOffset? UnsubscribedAt)
{
    public bool IsActive => UnsubscribedAt is null;
}
