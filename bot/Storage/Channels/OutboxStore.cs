using ChatReport.Bot.Storage.Connections;
using Dapper;

namespace ChatReport.Bot.Storage.Channels;

/// <summary>The <c>outbox</c> table: messages decided by committed work, until they are delivered or given up.</summary>
public sealed class OutboxStore(DbConnectionFactory connections)
{
    private const string InsertSql = """
        INSERT INTO outbox (channel_id, service_url, conversation_id, activity_json, next_attempt_at, created_at)
        VALUES (@ChannelId, @ServiceUrl, @ConversationId, @ActivityJson, @NextAttemptAt, @CreatedAt)
        RETURNING id
        """;

    // Due messages, oldest first, leaving out any message with an earlier one of its conversation
    // still waiting for a later attempt: a conversation's messages go out in order.
    private const string DueSql = """
        SELECT o.id, o.channel_id, o.service_url, o.conversation_id, o.activity_json, o.attempts, o.next_attempt_at, o.created_at
        FROM outbox o
        WHERE o.status = 'pending' AND o.next_attempt_at <= @Now
          AND NOT EXISTS (
              SELECT 1 FROM outbox e
              WHERE e.status = 'pending' AND e.channel_id = o.channel_id AND e.conversation_id = o.conversation_id
                AND e.id < o.id AND e.next_attempt_at > @Now)
        ORDER BY o.id
        LIMIT @Limit
        """;

    // Compare-and-set on next_attempt_at: of several senders, only one takes a message.
    private const string ClaimSql = """
        UPDATE outbox SET next_attempt_at = @Until
        WHERE id = @Id AND status = 'pending' AND next_attempt_at = @Seen
        """;

    private const string SentSql = """
        UPDATE outbox SET status = 'sent', finished_at = @At, attempts = attempts + 1 WHERE id = @Id AND status = 'pending'
        """;

    private const string RetrySql = """
        UPDATE outbox SET next_attempt_at = @NextAttemptAt, attempts = attempts + 1, last_error = @Error WHERE id = @Id AND status = 'pending'
        """;

    private const string FailedSql = """
        UPDATE outbox SET status = 'failed', finished_at = @At, attempts = attempts + 1, last_error = @Error WHERE id = @Id AND status = 'pending'
        """;

    private const string PruneSql = """
        DELETE FROM outbox WHERE status <> 'pending' AND finished_at < @Cutoff
        """;

    private const string BacklogSql = """
        SELECT count(*) AS Depth, min(created_at) AS OldestCreatedAt FROM outbox WHERE status = 'pending'
        """;

    /// <summary>Adds a message (inside the caller's unit when there is one) and returns its id.</summary>
    public Task<long> AddAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        return connections.WriteAsync(
            (connection, transaction) => connection.ExecuteScalarAsync<long>(new CommandDefinition(InsertSql, item, transaction, cancellationToken: cancellationToken)),
            cancellationToken);
    }

    /// <summary>Claims up to <paramref name="limit"/> due messages until <paramref name="until"/>; returns those won.</summary>
    public Task<IReadOnlyList<OutboxItem>> ClaimDueAsync(DateTimeOffset now, DateTimeOffset until, int limit, CancellationToken cancellationToken) =>
        connections.WriteAsync<IReadOnlyList<OutboxItem>>(
            async (connection, transaction) =>
            {
                var due = await connection.QueryAsync<OutboxItem>(new CommandDefinition(DueSql, new { Now = now, Limit = limit }, transaction, cancellationToken: cancellationToken));
                var won = new List<OutboxItem>();
                foreach (var item in due)
                {
                    if (await connection.ExecuteAsync(new CommandDefinition(ClaimSql, new { item.Id, Seen = item.NextAttemptAt, Until = until }, transaction, cancellationToken: cancellationToken)) == 1)
                    {
                        won.Add(item with { NextAttemptAt = until });
                    }
                }

                return won;
            },
            cancellationToken);

    /// <summary>Extends the claim on a message still held as <paramref name="item"/> says; false when someone else has it now.</summary>
    public async Task<bool> ExtendClaimAsync(OutboxItem item, DateTimeOffset until, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        await using var lease = await connections.UseAsync(cancellationToken);
        return await lease.Connection.ExecuteAsync(new CommandDefinition(ClaimSql, new { item.Id, Seen = item.NextAttemptAt, Until = until }, cancellationToken: cancellationToken)) == 1;
    }

    public Task MarkSentAsync(IReadOnlyCollection<long> ids, DateTimeOffset at, CancellationToken cancellationToken) =>
        connections.WriteAsync(
            (connection, transaction) => connection.ExecuteAsync(new CommandDefinition(SentSql, ids.Select(id => new { Id = id, At = at }), transaction, cancellationToken: cancellationToken)),
            cancellationToken);

    public async Task RetryLaterAsync(long id, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken)
    {
        await using var lease = await connections.UseAsync(cancellationToken);
        await lease.Connection.ExecuteAsync(new CommandDefinition(RetrySql, new { Id = id, NextAttemptAt = nextAttemptAt, Error = error }, cancellationToken: cancellationToken));
    }

    public async Task MarkFailedAsync(long id, DateTimeOffset at, string error, CancellationToken cancellationToken)
    {
        await using var lease = await connections.UseAsync(cancellationToken);
        await lease.Connection.ExecuteAsync(new CommandDefinition(FailedSql, new { Id = id, At = at, Error = error }, cancellationToken: cancellationToken));
    }

    /// <summary>Forgets delivered and given-up messages finished before <paramref name="cutoff"/>.</summary>
    public async Task<int> PruneAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var lease = await connections.UseAsync(cancellationToken);
        return await lease.Connection.ExecuteAsync(new CommandDefinition(PruneSql, new { Cutoff = cutoff }, cancellationToken: cancellationToken));
    }

    /// <summary>How many messages wait, and since when the oldest has.</summary>
    public async Task<OutboxBacklog> GetBacklogAsync(CancellationToken cancellationToken)
    {
        await using var lease = await connections.UseAsync(cancellationToken);
        return await lease.Connection.QuerySingleAsync<OutboxBacklog>(new CommandDefinition(BacklogSql, cancellationToken: cancellationToken));
    }
}
