using ChatReport.Bot.Storage.Channels;
using ChatReport.Conversation.Groups;

namespace ChatReport.Bot.Groups;

/// <summary>The chat's view of <see cref="GroupSubscriptionStore"/>.</summary>
public sealed class GroupSubscriptionsAdapter(GroupSubscriptionStore store) : IGroupSubscriptions
{
    public Task<GroupSubscribeResult> SubscribeAsync(string channelId, string conversationId, long unitId, long memberId, CancellationToken cancellationToken) =>
        store.SubscribeAsync(new GroupAddress(channelId, conversationId), unitId, memberId, cancellationToken);

    public Task<bool> UnsubscribeAsync(string channelId, string conversationId, long memberId, CancellationToken cancellationToken) =>
        store.UnsubscribeAsync(new GroupAddress(channelId, conversationId), memberId, cancellationToken);

    public async Task<long?> FindUnitAsync(string channelId, string conversationId, CancellationToken cancellationToken) =>
        await store.FindAsync(new GroupAddress(channelId, conversationId), cancellationToken) is { IsActive: true } subscription ? subscription.UnitId : null;

    public async Task<int> CountForUnitAsync(long unitId, CancellationToken cancellationToken) =>
        (await store.ListForUnitAsync(unitId, cancellationToken)).Count;
}
