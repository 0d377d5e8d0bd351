using ChatReport.Bot.Storage.Channels;
using ChatReport.Bot.Storage.Connections;
using Dapper;

namespace ChatReport.Bot.Storage.Schedules;

/// <summary>
/// The digest runs: claimed in the database before anything is sent, so that of several
/// instances (or a restarted one) exactly one sends each group's digest of each day.
/// </summary>
/// <remarks>
/// A claim is a lease: the claimer renews it before every attempt, and only a claim older than
/// the lease may be taken over. Every change names the instance that expects to own the run, so
/// an instance that lost its lease cannot record a result over its successor's.
/// </remarks>
public sealed class DigestRunStore(DbConnectionFactory connections, TimeProvider time)
{
    // Connections cannot name this layer's enum, so it is mapped here, before the first query.
    static DigestRunStore() => DapperConfiguration.MapStoredEnum<DigestRunStatus>();

    private const string Columns = """
        id, channel_id, conversation_id, unit_id, local_date, status, claimed_by, claimed_at, finished_at,
        attempts, is_late, last_error, window_start, window_end, activity_id
        """;

    // The last sent or skipped run is found through the (channel, conversation, local_date)
    // unique index, newest day first: a few rows per group even after a year of digests.
    internal const string Plan = """
        SELECT s.channel_id, s.conversation_id, s.unit_id, u.name AS unit_name, s.subscribed_at, cr.locale, cr.tenant_id,
               ds.schedule, ds.time_zone, ds.skip_empty_days, ds.publish_deductions,
               (SELECT r.window_end FROM digest_runs r
                WHERE r.channel_id = s.channel_id AND r.conversation_id = s.conversation_id AND r.status IN ('sent', 'skipped')
                ORDER BY r.local_date DESC
                LIMIT 1) AS covered_until
        FROM group_subscriptions s
        JOIN org_units u ON u.id = s.unit_id AND u.is_active = TRUE
        JOIN conversation_references cr ON cr.channel_id = s.channel_id AND cr.conversation_id = s.conversation_id
        LEFT JOIN digest_settings ds ON ds.unit_id = s.unit_id
        WHERE s.unsubscribed_at IS NULL
        ORDER BY s.unit_id, s.channel_id, s.conversation_id
        """;

    // The schedules in use: the configured one (NULL, NULL) and every branch override of a subscribed branch.
    private const string Schedules = """
        SELECT DISTINCT ds.schedule, ds.time_zone
        FROM digest_settings ds
        WHERE EXISTS (SELECT 1 FROM group_subscriptions s WHERE s.unit_id = ds.unit_id AND s.unsubscribed_at IS NULL)
        """;

    private const string OnDays = $"""
        SELECT {Columns} FROM digest_runs WHERE local_date IN @Days
        """;

    private const string StaleClaims = $"""
        SELECT {Columns} FROM digest_runs WHERE status = 'claimed' AND claimed_at < @StaleBefore ORDER BY id
        """;

    private const string ById = $"""
        SELECT {Columns} FROM digest_runs WHERE id = @Id
        """;

    private const string ByGroupAndDay = $"""
        SELECT {Columns} FROM digest_runs WHERE channel_id = @ChannelId AND conversation_id = @ConversationId AND local_date = @LocalDate
        """;

    private const string OfGroup = $"""
        SELECT {Columns} FROM digest_runs WHERE channel_id = @ChannelId AND conversation_id = @ConversationId ORDER BY local_date, id
        """;

    private const string FailedSince = $"""
        SELECT {Columns} FROM digest_runs WHERE status = 'failed' AND finished_at >= @Since ORDER BY finished_at, id
        """;

    // The claim itself: whoever inserts the row owns the run; everyone else gets nothing back.
    private const string Claim = $"""
        INSERT INTO digest_runs (channel_id, conversation_id, unit_id, local_date, status, claimed_by, claimed_at, attempts, is_late, window_start, window_end)
        VALUES (@ChannelId, @ConversationId, @UnitId, @LocalDate, @Status, @ClaimedBy, @Now, 0, @IsLate, @WindowStart, @WindowEnd)
        ON CONFLICT (channel_id, conversation_id, local_date) DO NOTHING
        RETURNING {Columns}
        """;

    private const string Skip = """
        INSERT INTO digest_runs (channel_id, conversation_id, unit_id, local_date, status, claimed_by, claimed_at, finished_at, attempts, is_late, window_start, window_end)
        VALUES (@ChannelId, @ConversationId, @UnitId, @LocalDate, 'skipped', @ClaimedBy, @Now, @Now, 0, @IsLate, @WindowStart, @WindowEnd)
        ON CONFLICT (channel_id, conversation_id, local_date) DO NOTHING
        """;

    private const string TakeOver = $"""
        UPDATE digest_runs SET claimed_by = @Instance, claimed_at = @Now
        WHERE id = @Id AND status = 'claimed' AND claimed_at < @StaleBefore
        RETURNING {Columns}
        """;

    private const string BeginAttempt = """
        UPDATE digest_runs SET attempts = attempts + 1, claimed_at = @Now
        WHERE id = @Id AND status = 'claimed' AND claimed_by = @Instance
        """;

    private const string Finish = """
        UPDATE digest_runs
        SET status = @Status, finished_at = @Now, activity_id = @ActivityId, is_late = @IsLate, last_error = @LastError
        WHERE id = @Id AND status = 'claimed' AND claimed_by = @Instance
        """;

    private const string Supersede = """
        UPDATE digest_runs SET status = 'failed', finished_at = @Now, last_error = @Reason
        WHERE id = @Id AND status = 'claimed' AND claimed_at < @StaleBefore
        """;

    public async Task<IReadOnlyList<SubscribedGroup>> LoadPlanAsync(CancellationToken cancellationToken)
    {
        await using var lease = await connections.UseAsync(cancellationToken);
        var connection = lease.Connection;
        var rows = await connection.QueryAsync<PlanRow>(new CommandDefinition(Plan, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToGroup())];
    }

    /// <summary>The (schedule, time zone) overrides of branches that have groups; nulls mean "as configured".</summary>
    public async Task<IReadOnlyList<(string? Schedule, string? TimeZone)>> ListScheduleOverridesAsync(CancellationToken cancellationToken)
    {
        await using var lease = await connections.UseAsync(cancellationToken);
        var connection = lease.Connection;
        return [.. await connection.QueryAsync<(string?, string?)>(new CommandDefinition(Schedules, cancellationToken: cancellationToken))];
    }

    /// <summary>Every run (any status) of the given local days.</summary>
    public async Task<IReadOnlyList<DigestRun>> ListOnDaysAsync(IReadOnlyCollection<DateOnly> days, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(days);
        if (days.Count == 0)
        {
            return [];
        }

        await using var lease = await connections.UseAsync(cancellationToken);

        var connection = lease.Connection;
        var rows = await connection.QueryAsync<RunRow>(new CommandDefinition(SqlDialect.Lists(connection, OnDays), new { Days = days.ToArray() }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToRun())];
    }

    /// <summary>Claims nobody has renewed since <paramref name="staleBefore"/>: their claimer crashed or hangs.</summary>
    public async Task<IReadOnlyList<DigestRun>> ListStaleClaimsAsync(DateTimeOffset staleBefore, CancellationToken cancellationToken)
    {
        await using var lease = await connections.UseAsync(cancellationToken);
        var connection = lease.Connection;
        var rows = await connection.QueryAsync<RunRow>(new CommandDefinition(StaleClaims, new { StaleBefore = staleBefore }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToRun())];
    }

    public async Task<DigestRun?> GetAsync(long runId, CancellationToken cancellationToken)
    {
        await using var lease = await connections.UseAsync(cancellationToken);
        var connection = lease.Connection;
        return (await connection.QuerySingleOrDefaultAsync<RunRow>(new CommandDefinition(ById, new { Id = runId }, cancellationToken: cancellationToken)))?.ToRun();
    }

    public async Task<DigestRun?> FindAsync(GroupAddress group, DateOnly localDate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        await using var lease = await connections.UseAsync(cancellationToken);
        var connection = lease.Connection;
        return (await connection.QuerySingleOrDefaultAsync<RunRow>(new CommandDefinition(
            ByGroupAndDay, new { group.ChannelId, group.ConversationId, LocalDate = localDate }, cancellationToken: cancellationToken)))?.ToRun();
    }

    public async Task<IReadOnlyList<DigestRun>> ListForGroupAsync(GroupAddress group, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(group);
        await using var lease = await connections.UseAsync(cancellationToken);
        var connection = lease.Connection;
        var rows = await connection.QueryAsync<RunRow>(new CommandDefinition(OfGroup, new { group.ChannelId, group.ConversationId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToRun())];
    }

    /// <summary>Runs that gave up since <paramref name="since"/>, oldest first: what an administrator asks about.</summary>
    public async Task<IReadOnlyList<DigestRun>> ListFailedAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var lease = await connections.UseAsync(cancellationToken);
        var connection = lease.Connection;
        var rows = await connection.QueryAsync<RunRow>(new CommandDefinition(FailedSince, new { Since = since }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToRun())];
    }

    /// <summary>Claims the run, or returns null when another instance (or an earlier round) already has it.</summary>
    public Task<DigestRun?> TryClaimAsync(DigestRunClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return connections.WriteAsync(
            async (connection, transaction) => (await connection.QuerySingleOrDefaultAsync<RunRow>(new CommandDefinition(
                Claim, Parameters(claim, DigestRunStatus.Claimed), transaction, cancellationToken: cancellationToken)))?.ToRun(),
            cancellationToken);
    }

    /// <summary>Records empty days in one transaction; a day some instance already has is left alone. Returns how many were recorded.</summary>
    public Task<int> RecordSkippedAsync(IReadOnlyCollection<DigestRunClaim> claims, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claims);
        if (claims.Count == 0)
        {
            return Task.FromResult(0);
        }

        return connections.WriteAsync(
            (connection, transaction) => connection.ExecuteAsync(new CommandDefinition(
                Skip, claims.Select(c => Parameters(c, DigestRunStatus.Skipped)).ToList(), transaction, cancellationToken: cancellationToken)),
            cancellationToken);
    }

    /// <summary>Takes over a claim older than the lease; null when it was renewed, finished or taken by someone else meanwhile.</summary>
    public Task<DigestRun?> TryTakeOverAsync(long runId, string instance, DateTimeOffset staleBefore, CancellationToken cancellationToken) =>
        connections.WriteAsync(
            async (connection, transaction) => (await connection.QuerySingleOrDefaultAsync<RunRow>(new CommandDefinition(
                TakeOver, new { Id = runId, Instance = instance, StaleBefore = staleBefore, Now = time.GetUtcNow() }, transaction, cancellationToken: cancellationToken)))?.ToRun(),
            cancellationToken);

    /// <summary>Counts an attempt and renews the lease. False when this instance no longer owns the run: it must not send.</summary>
    public Task<bool> BeginAttemptAsync(long runId, string instance, CancellationToken cancellationToken) =>
        ExecuteOwnedAsync(BeginAttempt, new { Id = runId, Instance = instance, Now = time.GetUtcNow() }, cancellationToken);

    public Task<bool> MarkSentAsync(long runId, string instance, string? activityId, bool isLate, CancellationToken cancellationToken) =>
        FinishAsync(runId, instance, DigestRunStatus.Sent, activityId, isLate, null, cancellationToken);

    public Task<bool> MarkSkippedAsync(long runId, string instance, CancellationToken cancellationToken) =>
        FinishAsync(runId, instance, DigestRunStatus.Skipped, null, false, null, cancellationToken);

    public Task<bool> MarkFailedAsync(long runId, string instance, bool isLate, string error, CancellationToken cancellationToken) =>
        FinishAsync(runId, instance, DigestRunStatus.Failed, null, isLate, Truncate(error), cancellationToken);

    /// <summary>
    /// Gives up an abandoned claim for an older day than the group's latest: that digest is not
    /// sent; the latest one covers its window instead (it starts after the last sent or skipped run).
    /// </summary>
    public Task<bool> SupersedeAsync(long runId, DateTimeOffset staleBefore, string reason, CancellationToken cancellationToken) =>
        ExecuteOwnedAsync(Supersede, new { Id = runId, StaleBefore = staleBefore, Now = time.GetUtcNow(), Reason = reason }, cancellationToken);

    private Task<bool> FinishAsync(long runId, string instance, DigestRunStatus status, string? activityId, bool isLate, string? error, CancellationToken cancellationToken) =>
        ExecuteOwnedAsync(
            Finish,
            new { Id = runId, Instance = instance, Status = status, Now = time.GetUtcNow(), ActivityId = activityId, IsLate = isLate, LastError = error },
            cancellationToken);

    private Task<bool> ExecuteOwnedAsync(string sql, object parameters, CancellationToken cancellationToken) =>
        connections.WriteAsync(
            async (connection, transaction) => await connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken)) == 1,
            cancellationToken);

    private object Parameters(DigestRunClaim claim, DigestRunStatus status) => new
    {
        claim.Group.ChannelId,
        claim.Group.ConversationId,
        claim.UnitId,
        claim.LocalDate,
        Status = status,
        claim.ClaimedBy,
        Now = time.GetUtcNow(),
        claim.IsLate,
        claim.WindowStart,
        claim.WindowEnd,
    };

    private static string Truncate(string error) => error.Length <= 1000 ? error : error[..1000];

    private sealed record PlanRow(
        string ChannelId,
        string ConversationId,
        long UnitId,
        string UnitName,
        DateTimeOffset SubscribedAt,
        string? Locale,
        string? TenantId,
        string? Schedule,
        string? TimeZone,
        bool? SkipEmptyDays,
        bool? PublishDeductions,
        DateTimeOffset? CoveredUntil)
    {
        public SubscribedGroup ToGroup() => new(
            new GroupAddress(ChannelId, ConversationId), UnitId, UnitName, SubscribedAt, Locale, TenantId,
            new BranchDigestSettings(UnitId, Schedule, TimeZone, SkipEmptyDays, PublishDeductions), CoveredUntil);
    }

    private sealed record RunRow(
        long Id,
        string ChannelId,
        string ConversationId,
        long UnitId,
        DateOnly LocalDate,
        DigestRunStatus Status,
        string ClaimedBy,
        DateTimeOffset ClaimedAt,
        DateTimeOffset? FinishedAt,
        int Attempts,
        bool IsLate,
        string? LastError,
        DateTimeOffset? WindowStart,
        DateTimeOffset? WindowEnd,
        string? ActivityId)
    {
        public DigestRun ToRun() => new(
            Id, new GroupAddress(ChannelId, ConversationId), UnitId, LocalDate, Status, ClaimedBy, ClaimedAt,
            FinishedAt, Attempts, IsLate, LastError, WindowStart, WindowEnd, ActivityId);
    }
}
