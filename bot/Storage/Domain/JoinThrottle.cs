using System.Data.Common;
using ChatReport.Conversation.Domain;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatReport.Bot.Storage.Domain;

/// <summary>
/// Counts wrong join codes in the database (so every instance and every restart sees the same
/// count) per account and per channel or tenant, inside the caller's transaction.
/// </summary>
public sealed partial class JoinThrottle(IOptions<JoinCodeOptions> options, ILogger<JoinThrottle> logger)
{
    private const string Failures = """
        SELECT failures, window_start FROM join_attempts WHERE scope_key = @Key
        """;

    private const string CountFailure = """
        INSERT INTO join_attempts (scope_key, failures, window_start)
        VALUES (@Key, 1, @Now)
        ON CONFLICT (scope_key) DO UPDATE
            SET failures = CASE WHEN join_attempts.window_start <= @WindowOpen THEN 1 ELSE join_attempts.failures + 1 END,
                window_start = CASE WHEN join_attempts.window_start <= @WindowOpen THEN @Now ELSE join_attempts.window_start END
        """;

    private const string Clear = """
        DELETE FROM join_attempts WHERE scope_key = @Key
        """;

    /// <summary>With the defaults and no log, for stores built by hand (tests, benchmarks).</summary>
    public static JoinThrottle Default { get; } = new(Options.Create(new JoinCodeOptions()), NullLogger<JoinThrottle>.Instance);

    /// <summary>True when the account or its channel or tenant has had too many wrong codes in the window.</summary>
    public async Task<bool> IsBlockedAsync(DbConnection connection, DbTransaction? transaction, JoinAttempt attempt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(attempt);
        var settings = options.Value;
        var windowOpen = now - settings.FailureWindow;
        foreach (var (key, limit, scope) in Keys(attempt, settings))
        {
            var row = await connection.QuerySingleOrDefaultAsync<FailureRow>(new CommandDefinition(Failures, new { Key = key }, transaction, cancellationToken: cancellationToken));
            if (row is { } seen && seen.WindowStart > windowOpen && seen.Failures >= limit)
            {
                LogThrottled(attempt.ChannelId, attempt.UserId, attempt.TenantId, scope, seen.Failures);
                return true;
            }
        }

        return false;
    }

    /// <summary>Counts one wrong code against the account and its channel or tenant.</summary>
    public async Task CountFailureAsync(DbConnection connection, DbTransaction? transaction, JoinAttempt attempt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(attempt);
        var settings = options.Value;
        foreach (var (key, _, _) in Keys(attempt, settings))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                CountFailure, new { Key = key, Now = now, WindowOpen = now - settings.FailureWindow }, transaction, cancellationToken: cancellationToken));
        }
    }

    /// <summary>Forgets the account's wrong codes once it has joined; the tenant's count stays.</summary>
    public async Task ClearAccountAsync(DbConnection connection, DbTransaction? transaction, JoinAttempt attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(attempt);
        await connection.ExecuteAsync(new CommandDefinition(Clear, new { Key = AccountKey(attempt) }, transaction, cancellationToken: cancellationToken));
    }

    private static string AccountKey(JoinAttempt attempt) => $"account:{attempt.ChannelId}:{attempt.UserId}";

    private static (string Key, int Limit, string Scope)[] Keys(JoinAttempt attempt, JoinCodeOptions settings) =>
    [
        (AccountKey(attempt), settings.MaxFailuresPerAccount, "account"),
        ($"tenant:{attempt.ChannelId}:{attempt.TenantId ?? "-"}", settings.MaxFailuresPerTenant, "tenant"),
    ];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Join codes throttled for {ChannelId}:{UserId} (tenant {TenantId}): {Failures} wrong codes from this {Scope} within the window")]
    private partial void LogThrottled(string channelId, string userId, string? tenantId, string scope, int failures);

    private sealed record FailureRow(int Failures, DateTimeOffset WindowStart);
}
