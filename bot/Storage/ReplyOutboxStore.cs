using ChatReport.Bot.Outbox;
using Dapper;

namespace ChatReport.Bot.Storage;

/// <summary>The <c>reply_outbox</c> table: replies kept for a later attempt.</summary>
public sealed class ReplyOutboxStore(SqliteConnectionFactory connections)
{
    private const string InsertSql = """
        INSERT INTO reply_outbox (service_url, conversation_id, activity_json, next_attempt_at, created_at, last_error)
        VALUES (@ServiceUrl, @ConversationId, @ActivityJson, @NextAttemptAt, @CreatedAt, @LastError)
        """;

    private const string DueSql = """
        SELECT id, service_url, conversation_id, activity_json, attempts, next_attempt_at, created_at
        FROM reply_outbox
        WHERE status = 'pending' AND next_attempt_at <= @Now
        ORDER BY id
        LIMIT @Limit
        """;

    // Compare-and-set on next_attempt_at: of several instances, only one takes an item.
    private const string ClaimSql = """
        UPDATE reply_outbox SET next_attempt_at = @LeaseUntil, attempts = attempts + 1
        WHERE id = @Id AND status = 'pending' AND next_attempt_at = @Seen
        """;

    private const string SentSql = """
        UPDATE reply_outbox SET status = 'sent', finished_at = @At WHERE id = @Id
        """;

    private const string RetrySql = """
        UPDATE reply_outbox SET next_attempt_at = @NextAttemptAt, last_error = @Error WHERE id = @Id AND status = 'pending'
        """;

    private const string FailedSql = """
        UPDATE reply_outbox SET status = 'failed', finished_at = @At, last_error = @Error WHERE id = @Id
        """;

    // The one place that says how far behind the outbox is (metrics and the readiness check).
    private const string BacklogSql = """
        SELECT count(*) AS depth, min(created_at) AS oldest_created_at FROM reply_outbox WHERE status = 'pending'
        """;

    public async Task KeepAsync(string serviceUrl, string conversationId, string activityJson, DateTimeOffset now, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            InsertSql,
            new { ServiceUrl = serviceUrl, ConversationId = conversationId, ActivityJson = activityJson, NextAttemptAt = nextAttemptAt, CreatedAt = now, LastError = error },
            cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<OutboxItem>> ListDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<OutboxItem>(new CommandDefinition(DueSql, new { Now = now, Limit = limit }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    public async Task<bool> ClaimAsync(OutboxItem item, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            ClaimSql, new { item.Id, Seen = item.NextAttemptAt, LeaseUntil = leaseUntil }, cancellationToken: cancellationToken)) == 1;
    }

    public async Task MarkSentAsync(long id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(SentSql, new { Id = id, At = at }, cancellationToken: cancellationToken));
    }

    public async Task RetryLaterAsync(long id, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(RetrySql, new { Id = id, NextAttemptAt = nextAttemptAt, Error = error }, cancellationToken: cancellationToken));
    }

    public async Task MarkFailedAsync(long id, DateTimeOffset at, string error, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(FailedSql, new { Id = id, At = at, Error = error }, cancellationToken: cancellationToken));
    }

    /// <summary>How many replies wait for another attempt, and since when the oldest has.</summary>
    public async Task<OutboxBacklog> GetBacklogAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QuerySingleAsync<OutboxBacklog>(new CommandDefinition(BacklogSql, cancellationToken: cancellationToken));
    }
}
