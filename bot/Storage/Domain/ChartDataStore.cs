using ChatReport.Bot.Storage.Connections;
using Dapper;

namespace ChatReport.Bot.Storage.Domain;

/// <summary>The figures behind the charts: points earned (base excluded) per member and month, and per day.</summary>
public sealed class ChartDataStore(DbConnectionFactory connections)
{
    // The month as "yyyy-MM": SQLite's occurred_on is yyyy-MM-dd text, so its first seven
    // characters; PostgreSQL's is a date, formatted.
    private const string ByMemberAndMonth = """
        SELECT member_id, substr(occurred_on, 1, 7) AS month, SUM(points) AS points
        FROM ledger_entries
        WHERE unit_id = @UnitId AND cycle_id = @CycleId AND kind <> 'base'
        GROUP BY member_id, month
        """;

    private const string ByMemberAndMonthPostgreSql = """
        SELECT member_id, to_char(occurred_on, 'YYYY-MM') AS month, SUM(points) AS points
        FROM ledger_entries
        WHERE unit_id = @UnitId AND cycle_id = @CycleId AND kind <> 'base'
        GROUP BY member_id, month
        """;

    private readonly string _byMemberAndMonth = connections.Provider == StorageProvider.PostgreSql ? ByMemberAndMonthPostgreSql : ByMemberAndMonth;

    private const string ActiveMembers = """
        SELECT id FROM members WHERE unit_id = @UnitId AND is_active = TRUE
        """;

    private const string ByDay = """
        SELECT occurred_on AS day, SUM(points) AS points
        FROM ledger_entries
        WHERE unit_id = @UnitId AND kind <> 'base' AND occurred_on BETWEEN @First AND @Last
        GROUP BY occurred_on
        """;

    /// <summary>Each active member's points per month ("yyyy-MM") of the cycle; members without points in a month are absent.</summary>
    public async Task<(IReadOnlyList<long> Members, IReadOnlyList<MemberMonth> Points)> ReadMonthsAsync(long unitId, long cycleId, CancellationToken cancellationToken)
    {
        await using var lease = await connections.UseAsync(cancellationToken);
        var connection = lease.Connection;
        var members = await connection.QueryAsync<long>(new CommandDefinition(ActiveMembers, new { UnitId = unitId }, cancellationToken: cancellationToken));
        var points = await connection.QueryAsync<MemberMonth>(new CommandDefinition(_byMemberAndMonth, new { UnitId = unitId, CycleId = cycleId }, cancellationToken: cancellationToken));
        return ([.. members], [.. points]);
    }

    /// <summary>The branch's points per day from <paramref name="first"/> to <paramref name="last"/>; days without points are absent.</summary>
    public async Task<IReadOnlyDictionary<DateOnly, int>> ReadDaysAsync(long unitId, DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        await using var lease = await connections.UseAsync(cancellationToken);
        var connection = lease.Connection;
        var rows = await connection.QueryAsync<DayPoints>(new CommandDefinition(ByDay, new { UnitId = unitId, First = first, Last = last }, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Day, r => (int)r.Points);
    }

    // Properties rather than a positional record: on an empty result SQLite types the computed
    // columns as blobs, which Dapper would not match to a constructor.
    public sealed class MemberMonth
    {
        public long MemberId { get; set; }

        public string Month { get; set; } = "";

        public long Points { get; set; }
    }

    private sealed class DayPoints
    {
        public DateOnly Day { get; set; }

        public long Points { get; set; }
    }
}
