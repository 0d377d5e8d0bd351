using System.Globalization;
using ChatReport.Conversation.Points;
using ChatReport.Bot.Storage.Connections;
using Dapper;

namespace ChatReport.Bot.Storage.Domain;

/// <summary>
/// Each branch's ranking setting (排行榜设置), as one row of the <c>settings</c> table per branch
/// (<c>ranking_privacy:{unit_id}</c> → <c>all</c>, <c>top:N</c> or <c>own</c>): a branch without a
/// row sees the full list. Kept there rather than in a table of its own so that the setting needs
/// no schema step; the digest reads it with the same key.
/// </summary>
public sealed class RankingSettingsStore(DbConnectionFactory connections, TimeProvider time) : IRankingSettings
{
    public const string AuditSubject = "ranking_settings";

    /// <summary>The settings key's prefix; the branch's id follows.</summary>
    public const string KeyPrefix = "ranking_privacy:";

    private const string SelectValue = """
        SELECT value FROM settings WHERE key = @Key
        """;

    private const string Upsert = """
        INSERT INTO settings (key, value) VALUES (@Key, @Value)
        ON CONFLICT (key) DO UPDATE SET value = excluded.value
        """;

    public async Task<RankingPrivacy> GetAsync(long unitId, CancellationToken cancellationToken)
    {
        await using var lease = await connections.UseAsync(cancellationToken);
        var connection = lease.Connection;
        var stored = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(SelectValue, new { Key = Key(unitId) }, cancellationToken: cancellationToken));
        return Parse(stored);
    }

    public Task<RankingPrivacy> SetAsync(long unitId, RankingPrivacy privacy, long actorId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(privacy);
        var value = Format(privacy);
        return connections.WriteAsync(
            async (connection, transaction) =>
            {
                var before = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(SelectValue, new { Key = Key(unitId) }, transaction, cancellationToken: cancellationToken));
                await connection.ExecuteAsync(new CommandDefinition(Upsert, new { Key = Key(unitId), Value = value }, transaction, cancellationToken: cancellationToken));
                await AuditLog.WriteAsync(
                    connection, transaction, time.GetUtcNow(), actorId, "ranking.settings", AuditSubject,
                    unitId.ToString(CultureInfo.InvariantCulture), new { ranking = before ?? Format(RankingPrivacy.Default) }, new { ranking = value }, cancellationToken);
                return Parse(value);
            },
            cancellationToken);
    }

    public static string Key(long unitId) => KeyPrefix + unitId.ToString(CultureInfo.InvariantCulture);

    public static string Format(RankingPrivacy privacy)
    {
        ArgumentNullException.ThrowIfNull(privacy);
        return privacy.Visibility switch
        {
            RankingVisibility.Top => string.Create(CultureInfo.InvariantCulture, $"top:{privacy.LastListedRank()}"),
            RankingVisibility.Own => "own",
            _ => "all",
        };
    }

    // A value this version cannot read (written by hand, or by a newer version) shows the least:
    // the member's own place, never more than the secretary may have meant.
    public static RankingPrivacy Parse(string? stored) => stored switch
    {
        null or "all" => RankingPrivacy.Default,
        "own" => RankingPrivacy.OwnOnly,
        _ when stored.StartsWith("top:", StringComparison.Ordinal)
            && int.TryParse(stored.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count is >= 1 and <= RankingPrivacy.MaxTopCount => RankingPrivacy.TopN(count),
        _ => RankingPrivacy.OwnOnly,
    };
}
