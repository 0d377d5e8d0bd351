namespace ChatReport.Conversation.Groups;

/// <summary>
/// Which group chats receive which branch's daily digests and quarterly notices. The host keeps
/// them with the conversation references it stores on every inbound turn.
/// </summary>
public interface IGroupSubscriptions
{
    /// <summary>Links a group chat to a branch (订阅日报). A repeated subscription changes nothing.</summary>
    /// <param name="channelId">The group's channel.</param>
    /// <param name="conversationId">The group's conversation id.</param>
    /// <param name="unitId">The branch.</param>
    /// <param name="memberId">The reviewer who asked, for the audit trail.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How it ended.</returns>
    Task<GroupSubscribeResult> SubscribeAsync(string channelId, string conversationId, long unitId, long memberId, CancellationToken cancellationToken);

    /// <summary>Stops the group's digests (退订).</summary>
    /// <param name="channelId">The group's channel.</param>
    /// <param name="conversationId">The group's conversation id.</param>
    /// <param name="memberId">The reviewer who asked, for the audit trail.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>False when the group was not subscribed.</returns>
    Task<bool> UnsubscribeAsync(string channelId, string conversationId, long memberId, CancellationToken cancellationToken);

    /// <summary>The branch whose digests a group receives.</summary>
    /// <param name="channelId">The group's channel.</param>
    /// <param name="conversationId">The group's conversation id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The branch's number, or null when the group is not subscribed.</returns>
    Task<long?> FindUnitAsync(string channelId, string conversationId, CancellationToken cancellationToken);

    /// <summary>How many group chats receive a branch's digests and notices.</summary>
    /// <param name="unitId">The branch.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The number of subscribed groups.</returns>
    Task<int> CountForUnitAsync(long unitId, CancellationToken cancellationToken);
}
