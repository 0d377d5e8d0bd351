using ChatReport.Bot.Storage.Connections;
using ChatReport.Bot.Storage.Domain;
using ChatReport.Conversation.Groups;
using Dapper;

namespace ChatReport.Bot.Storage.Channels;

/// <summary>
/// Which group chats receive which branch's digests. The bot learns a group when it is added to
/// it or when a reviewer says 订阅日报 there; the conversation reference must already be stored
/// (the inbound turn stores it), because that is what the bot posts with later.
/// </summary>
public sealed class GroupSubscriptionStore(DbConnectionFactory connections, TimeProvider time)
{
    public const string AuditSubject = "group_subscription";

    private const string Columns = "channel_id, conversation_id, unit_id, subscribed_by, subscribed_at, unsubscribed_at";

    private const string ByGroup = $"""
        SELECT {Columns} FROM group_subscriptions WHERE channel_id = @ChannelId AND conversation_id = @ConversationId
        """;

    private const string ReferenceExists = """
        SELECT EXISTS (SELECT 1 FROM conversation_references WHERE channel_id = @ChannelId AND conversation_id = @ConversationId)
        """;

    private const string ActiveUnitExists = """
        SELECT EXISTS (SELECT 1 FROM org_units WHERE id = @UnitId AND is_active = TRUE)
        """;

    // A returning group starts afresh: its first digest covers what happened since it (re)subscribed.
    private const string Upsert = $"""
        INSERT INTO group_subscriptions (channel_id, conversation_id, unit_id, subscribed_by, subscribed_at, unsubscribed_at)
        VALUES (@ChannelId, @ConversationId, @UnitId, @SubscribedBy, @Now, NULL)
        ON CONFLICT (channel_id, conversation_id) DO UPDATE SET
            unit_id = excluded.unit_id,
            subscribed_by = excluded.subscribed_by,
            subscribed_at = excluded.subscribed_at,
            unsubscribed_at = NULL
        RETURNING {Columns}
        """;

    private const string Unsubscribe = $"""
        UPDATE group_subscriptions SET unsubscribed_at = @Now
        WHERE channel_id = @ChannelId AND conversation_id = @ConversationId AND unsubscribed_at IS NULL
        RETURNING {Columns}
        """;

    private const string ActiveOfUnit = $"""
        SELECT {Columns} FROM group_subscriptions
        WHERE unit_id = @UnitId AND unsubscribed_at IS NULL
        ORDER BY subscribed_at, channel_id, conversation_id
        """;

    private const string AllActive = $"""
        SELECT s.channel_id, s.conversation_id, s.unit_id, s.subscribed_by, s.subscribed_at, s.unsubscribed_at
        FROM group_subscriptions s JOIN org_units u ON u.id = s.unit_id
        WHERE s.unsubscribed_at IS NULL AND u.is_active = TRUE
        ORDER BY s.unit_id, s.subscribed_at, s.channel_id, s.conversation_id
        """;

    public async Task<GroupSubscribeResult> SubscribeAsync(GroupAddress group, long unitId, long? subscribedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        return await connections.WriteAsync(
            async (connection, transaction) =>
            {
                var key = new { group.ChannelId, group.ConversationId };
                if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition(ReferenceExists, key, transaction, cancellationToken: cancellationToken)))
                {
                    return new GroupSubscribeResult(GroupSubscribeStatus.UnknownConversation);
                }

                if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition(ActiveUnitExists, new { UnitId = unitId }, transaction, cancellationToken: cancellationToken)))
                {
                    return new GroupSubscribeResult(GroupSubscribeStatus.UnknownUnit);
                }

                var before = (await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(ByGroup, key, transaction, cancellationToken: cancellationToken)))?.ToSubscription();
                if (before is { IsActive: true } && before.UnitId == unitId)
                {
                    return new GroupSubscribeResult(GroupSubscribeStatus.AlreadySubscribed);
                }

                var now = time.GetUtcNow();
                var after = (await connection.QuerySingleAsync<Row>(new CommandDefinition(
                    Upsert, new { group.ChannelId, group.ConversationId, UnitId = unitId, SubscribedBy = subscribedBy, Now = now }, transaction, cancellationToken: cancellationToken))).ToSubscription();
                await AuditLog.WriteAsync(connection, transaction, now, subscribedBy, "group.subscribe", AuditSubject, group.ToString(), before, after, cancellationToken);
                return before is { IsActive: true }
                    ? new GroupSubscribeResult(GroupSubscribeStatus.MovedFromOtherUnit, before.UnitId)
                    : new GroupSubscribeResult(GroupSubscribeStatus.Subscribed);
            },
            cancellationToken);
    }

    /// <summary>Stops the group's digests (退订). False when it was not subscribed.</summary>
    public async Task<bool> UnsubscribeAsync(GroupAddress group, long? actorId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        return await connections.WriteAsync(
            async (connection, transaction) =>
            {
                var now = time.GetUtcNow();
                var after = (await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
                    Unsubscribe, new { group.ChannelId, group.ConversationId, Now = now }, transaction, cancellationToken: cancellationToken)))?.ToSubscription();
                if (after is null)
                {
                    return false;
                }

                await AuditLog.WriteAsync(connection, transaction, now, actorId, "group.unsubscribe", AuditSubject, group.ToString(), after with { UnsubscribedAt = null }, after, cancellationToken);
                return true;
            },
            cancellationToken);
    }

    public async Task<GroupSubscription?> FindAsync(GroupAddress group, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        await using var lease = await connections.UseAsync(cancellationToken);
        var connection = lease.Connection;
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            ByGroup, new { group.ChannelId, group.ConversationId }, cancellationToken: cancellationToken));
        return row?.ToSubscription();
    }

    /// <summary>The groups that receive a branch's digests.</summary>
    public async Task<IReadOnlyList<GroupSubscription>> ListForUnitAsync(long unitId, CancellationToken cancellationToken)
    {
        await using var lease = await connections.UseAsync(cancellationToken);
        var connection = lease.Connection;
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(ActiveOfUnit, new { UnitId = unitId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToSubscription())];
    }

    /// <summary>Every active subscription of an active unit.</summary>
    public async Task<IReadOnlyList<GroupSubscription>> ListActiveAsync(CancellationToken cancellationToken)
    {
        await using var lease = await connections.UseAsync(cancellationToken);
        var connection = lease.Connection;
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(AllActive, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToSubscription())];
    }

    private sealed record Row(string ChannelId, string ConversationId, long UnitId, long? SubscribedBy, DateTimeOffset SubscribedAt, DateTimeOffset? UnsubscribedAt)
    {
        public GroupSubscription ToSubscription() => new(new GroupAddress(ChannelId, ConversationId), UnitId, SubscribedBy, SubscribedAt, UnsubscribedAt);
    }
}
