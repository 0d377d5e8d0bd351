using ChatReport.Bot.Storage.Connections;
using Dapper;

namespace ChatReport.Bot.Storage.Channels;

/// <summary>
/// Remembers which activities have been taken on, keyed by channel, conversation and activity
/// id (ids are unique only within a conversation).
/// </summary>
public sealed class ProcessedActivityStore(DbConnectionFactory connections, TimeProvider time)
{
    // ON CONFLICT DO NOTHING makes two deliveries racing each other safe: the primary key lets
    // exactly one of them insert.
    private const string Claim = """
        INSERT INTO processed_activities (channel_id, conversation_id, activity_id, processed_at)
        VALUES (@ChannelId, @ConversationId, @ActivityId, @ProcessedAt)
        ON CONFLICT (channel_id, conversation_id, activity_id) DO NOTHING
        """;

    private const string Prune = """
        DELETE FROM processed_activities WHERE processed_at < @Cutoff
        """;

    /// <summary>True when this call is the first to claim the activity; false for a redelivery.</summary>
    public async Task<bool> TryClaimAsync(string channelId, string conversationId, string activityId, CancellationToken cancellationToken)
    {
        var inserted = await connections.WriteAsync(
            (connection, transaction) => connection.ExecuteAsync(new CommandDefinition(
                Claim,
                new { ChannelId = channelId, ConversationId = conversationId, ActivityId = activityId, ProcessedAt = time.GetUtcNow() },
                transaction,
                cancellationToken: cancellationToken)),
            cancellationToken);
        return inserted == 1;
    }

    /// <summary>Drops ids older than the window; returns how many went.</summary>
    public async Task<int> PruneAsync(TimeSpan window, CancellationToken cancellationToken)
    {
        await using var lease = await connections.UseAsync(cancellationToken);
        var connection = lease.Connection;
        return await connection.ExecuteAsync(new CommandDefinition(
            Prune,
            new { Cutoff = time.GetUtcNow() - window },
            cancellationToken: cancellationToken));
    }
}
