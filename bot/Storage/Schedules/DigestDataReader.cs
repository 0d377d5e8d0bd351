using ChatReport.Bot.Storage.Connections;
using ChatReport.Bot.Storage.Domain;
using ChatReport.Conversation.Domain;
using ChatReport.Conversation.Points;
using Dapper;

namespace ChatReport.Bot.Storage.Schedules;

/// <summary>
/// Reads what every due branch's digest needs in four set-based queries, whatever the number of
/// branches: the due branches go into a temporary table, and each query joins it to an index
/// that starts with <c>unit_id</c>. Nothing is read per member or per branch.
/// </summary>
public sealed class DigestDataReader(DbConnectionFactory connections)
{
    private readonly DigestDataSql _sql = DigestDataSql.For(connections.Provider);

    // Temporary tables live with the connection, and pooled connections live on: the table is
    // dropped before and after use so that no round ever sees another's branches.
    internal const string CreateDue = """
        DROP TABLE IF EXISTS temp.digest_due;
        CREATE TEMP TABLE digest_due (
            unit_id       INTEGER PRIMARY KEY,
            window_start  TEXT NOT NULL,
            window_end    TEXT NOT NULL,
            cycle_id      INTEGER,
            quarter       INTEGER,
            month_first   TEXT,
            month_last    TEXT,
            month_from    TEXT
        );
        """;

    internal const string InsertDue = """
        INSERT INTO temp.digest_due (unit_id, window_start, window_end, cycle_id, quarter, month_first, month_last, month_from)
        VALUES (@UnitId, @From, @To, @CycleId, @Quarter, @MonthFirst, @MonthLast, @MonthRecordedFrom)
        """;

    internal const string DropDue = "DROP TABLE IF EXISTS temp.digest_due";

    // Every query starts from the due branches and seeks into an index per branch. CROSS JOIN is
    // SQLite's way to fix that order: left alone, the planner (without statistics on the temporary
    // table) scans the whole ledger index instead, 20 times slower on one city's year.

    // Deeds approved and deductions recorded in each branch's window (ix_ledger_recorded).
    internal const string News = """
        SELECT e.unit_id, e.member_id, m.display_name, e.kind, e.points, e.recorded_at,
               r.name_zh AS rule_name_zh, r.name_en AS rule_name_en, t.title AS task_title, e.reason
        FROM temp.digest_due d
        CROSS JOIN ledger_entries e
        JOIN members m ON m.id = e.member_id
        LEFT JOIN point_rules r ON r.id = e.rule_id
        LEFT JOIN service_tasks t ON t.id = e.task_id
        WHERE e.unit_id = d.unit_id AND e.recorded_at > d.window_start AND e.recorded_at <= d.window_end
          AND e.kind IN ('bonus', 'deduction')
        ORDER BY e.unit_id, e.recorded_at, e.id
        """;

    // The quarter's earned points (everything but base points, reversals counted with what they
    // reverse) per active member, from the covering index ix_ledger_unit_cycle; top three ranks.
    internal const string Leaders = """
        WITH earned AS (
            SELECT e.unit_id, e.member_id, SUM(e.points) AS points
            FROM temp.digest_due d
            CROSS JOIN ledger_entries e
            LEFT JOIN ledger_entries o ON o.id = e.reverses_entry_id
            WHERE e.unit_id = d.unit_id AND e.cycle_id = d.cycle_id AND e.quarter = d.quarter
              AND COALESCE(o.kind, e.kind) <> 'base'
            GROUP BY e.unit_id, e.member_id
        ),
        ranked AS (
            SELECT earned.unit_id, earned.member_id, m.display_name, earned.points,
                   RANK() OVER (PARTITION BY earned.unit_id ORDER BY earned.points DESC) AS rank
            FROM earned JOIN members m ON m.id = earned.member_id AND m.is_active = TRUE AND m.unit_id = earned.unit_id
            WHERE earned.points > 0
        )
        SELECT unit_id, member_id, display_name, points, rank FROM ranked WHERE rank <= 3 ORDER BY unit_id, rank, member_id
        """;

    internal const string Pending = """
        SELECT c.unit_id, count(*) AS claims
        FROM temp.digest_due d CROSS JOIN claims c
        WHERE c.unit_id = d.unit_id AND c.status = 'pending'
        GROUP BY c.unit_id
        """;

    // Open tasks members can still sign up for: those that have not started by the digest's time.
    internal const string Tasks = """
        SELECT t.unit_id, t.id, t.title, t.place, t.starts_at, t.points_each, t.places,
               (SELECT count(*) FROM task_signups s WHERE s.task_id = t.id) AS signed_up
        FROM temp.digest_due d CROSS JOIN service_tasks t
        WHERE t.unit_id = d.unit_id AND t.status = 'open' AND t.starts_at >= d.window_end
        ORDER BY t.unit_id, t.starts_at, t.id
        """;

    // The month's points by the day the deeds were done, for the digest's chart. A deed is recorded
    // after it was done, so only entries recorded since the month began can count: the query seeks
    // ix_ledger_recorded from there instead of reading the branch's whole cycle.
    internal const string Days = """
        SELECT e.unit_id, e.occurred_on AS day, SUM(e.points) AS points
        FROM temp.digest_due d
        CROSS JOIN ledger_entries e
        WHERE d.month_first IS NOT NULL AND e.unit_id = d.unit_id AND e.recorded_at >= d.month_from
          AND e.occurred_on BETWEEN d.month_first AND d.month_last AND e.kind <> 'base'
        GROUP BY e.unit_id, e.occurred_on
        """;

    // Each branch's ranking setting (RankingSettingsStore), found by its settings key.
    internal const string Rankings = $"""
        SELECT d.unit_id, s.value
        FROM temp.digest_due d
        JOIN settings s ON s.key = '{RankingSettingsStore.KeyPrefix}' || d.unit_id
        """;

    public async Task<DigestData> ReadAsync(IReadOnlyCollection<DigestUnitWindow> units, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(units);
        if (units.Count == 0)
        {
            return DigestData.Empty;
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(_sql.CreateDue, cancellationToken: cancellationToken));
        try
        {
            // One transaction for the inserts (temp tables take no lock on the main database), and
            // the same read snapshot for all four queries.
            await using var transaction = await connections.BeginSnapshotTransactionAsync(connection, cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(_sql.InsertDue, units, transaction, cancellationToken: cancellationToken));
            var news = await connection.QueryAsync<NewsRow>(new CommandDefinition(_sql.News, transaction: transaction, cancellationToken: cancellationToken));
            var leaders = await connection.QueryAsync<LeaderRow>(new CommandDefinition(_sql.Leaders, transaction: transaction, cancellationToken: cancellationToken));
            var pending = await connection.QueryAsync<(long UnitId, int Claims)>(new CommandDefinition(_sql.Pending, transaction: transaction, cancellationToken: cancellationToken));
            var tasks = await connection.QueryAsync<TaskRow>(new CommandDefinition(_sql.Tasks, transaction: transaction, cancellationToken: cancellationToken));
            var days = await connection.QueryAsync<DayRow>(new CommandDefinition(_sql.Days, transaction: transaction, cancellationToken: cancellationToken));
            var rankings = await connection.QueryAsync<(long UnitId, string Value)>(new CommandDefinition(_sql.Rankings, transaction: transaction, cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
            return new DigestData(
                news.ToLookup(n => n.UnitId),
                leaders.ToLookup(l => l.UnitId),
                pending.ToDictionary(p => p.UnitId, p => p.Claims),
                tasks.ToLookup(t => t.UnitId),
                days.ToLookup(d => d.UnitId),
                rankings.ToDictionary(r => r.UnitId, r => RankingSettingsStore.Parse(r.Value)));
        }
        finally
        {
            await connection.ExecuteAsync(new CommandDefinition(_sql.DropDue, cancellationToken: CancellationToken.None));
        }
    }

    /// <summary>
    /// A branch due for a digest: entries recorded in (From, To], the cycle quarter its top three
    /// count in, and the days of the month its chart shows (with the instant that month began,
    /// or earlier).
    /// </summary>
    public sealed record DigestUnitWindow(
        long UnitId,
        DateTimeOffset From,
        DateTimeOffset To,
        long? CycleId,
        int? Quarter,
        DateOnly? MonthFirst = null,
        DateOnly? MonthLast = null,
        DateTimeOffset? MonthRecordedFrom = null);

    public sealed record NewsRow(
        long UnitId,
        long MemberId,
        string DisplayName,
        LedgerKind Kind,
        int Points,
        DateTimeOffset RecordedAt,
        string? RuleNameZh,
        string? RuleNameEn,
        string? TaskTitle,
        string? Reason);

    public sealed record LeaderRow(long UnitId, long MemberId, string DisplayName, int Points, int Rank);

    // Properties rather than a positional record: SQLite types SUM() of no rows as a blob.
    public sealed class DayRow
    {
        public long UnitId { get; set; }

        public DateOnly Day { get; set; }

        public long Points { get; set; }
    }

    public sealed record TaskRow(long UnitId, long Id, string Title, string? Place, DateTimeOffset StartsAt, int PointsEach, int? Places, int SignedUp);

    public sealed record DigestData(
        ILookup<long, NewsRow> News,
        ILookup<long, LeaderRow> Leaders,
        IReadOnlyDictionary<long, int> PendingClaims,
        ILookup<long, TaskRow> Tasks,
        ILookup<long, DayRow> Days,
        IReadOnlyDictionary<long, RankingPrivacy> Rankings)
    {
        public static DigestData Empty { get; } = new(
            Array.Empty<NewsRow>().ToLookup(n => n.UnitId),
            Array.Empty<LeaderRow>().ToLookup(l => l.UnitId),
            new Dictionary<long, int>(),
            Array.Empty<TaskRow>().ToLookup(t => t.UnitId),
            Array.Empty<DayRow>().ToLookup(d => d.UnitId),
            new Dictionary<long, RankingPrivacy>());
    }
}
