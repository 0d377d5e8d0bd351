using System.Data.Common;
using ChatReport.Conversation.Domain;
using Dapper;

namespace ChatReport.Bot.Storage.Domain;

/// <summary>The ledger writes several stores share, always inside the caller's transaction.</summary>
internal static class LedgerWriter
{
    private const string Insert = $"""
        INSERT INTO ledger_entries (
            member_id, unit_id, cycle_id, quarter, kind, points, rule_id, claim_id, task_id,
            reverses_entry_id, occurred_on, reason, recorded_by, recorded_at,
            source_channel_id, source_conversation_id, source_activity_id)
        VALUES (
            @MemberId, @UnitId, @CycleId, @Quarter, @Kind, @Points, @RuleId, @ClaimId, @TaskId,
            @ReversesEntryId, @OccurredOn, @Reason, @RecordedBy, @RecordedAt,
            @SourceChannelId, @SourceConversationId, @SourceActivityId)
        RETURNING {LedgerEntryRow.Columns}
        """;

    private const string SignedOffQuarters = """
        SELECT quarter FROM quarter_signoffs WHERE unit_id = @UnitId AND year = @Year
        """;

    private const string CycleById = """
        SELECT id, year, starts_on, ends_on, is_open FROM cycles WHERE id = @Id
        """;

    private const string OpenCycleForDay = """
        SELECT id, year, starts_on, ends_on, is_open FROM cycles
        WHERE is_open = TRUE AND starts_on <= @Day AND ends_on >= @Day
        """;

    // Base points for every active member (or one) who has none in the cycle yet; the unique
    // index ux_ledger_base makes a second grant a no-op.
    private const string GrantBase = """
        INSERT INTO ledger_entries (member_id, unit_id, cycle_id, quarter, kind, points, rule_id, occurred_on, reason, recorded_at)
        SELECT m.id, m.unit_id, @CycleId, @Quarter, 'base', r.default_points, r.id, @OccurredOn, r.name_zh, @RecordedAt
        FROM members m
        JOIN point_rules r ON r.kind = 'base' AND r.is_active = TRUE
        WHERE m.is_active = TRUE AND (@MemberId IS NULL OR m.id = @MemberId)
        ON CONFLICT DO NOTHING
        """;

    public static async Task<LedgerEntry> InsertAsync(
        DbConnection connection,
        DbTransaction? transaction,
        NewLedgerEntry entry,
        CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleAsync<LedgerEntryRow>(new CommandDefinition(
            Insert,
            new
            {
                entry.MemberId,
                entry.UnitId,
                entry.CycleId,
                entry.Quarter,
                entry.Kind,
                entry.Points,
                entry.RuleId,
                entry.ClaimId,
                entry.TaskId,
                entry.ReversesEntryId,
                entry.OccurredOn,
                entry.Reason,
                entry.RecordedBy,
                entry.RecordedAt,
                SourceChannelId = entry.Source?.ChannelId,
                SourceConversationId = entry.Source?.ConversationId,
                SourceActivityId = entry.Source?.ActivityId,
            },
            transaction,
            cancellationToken: cancellationToken));
        return row.ToEntry();
    }

    public static Task<Cycle?> GetCycleAsync(DbConnection connection, DbTransaction? transaction, long cycleId, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<Cycle>(new CommandDefinition(CycleById, new { Id = cycleId }, transaction, cancellationToken: cancellationToken));

    public static Task<Cycle?> FindOpenCycleAsync(DbConnection connection, DbTransaction? transaction, DateOnly day, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<Cycle>(new CommandDefinition(OpenCycleForDay, new { Day = day }, transaction, cancellationToken: cancellationToken));

    /// <summary>
    /// The quarter an entry for <paramref name="quarter"/> is booked in: that quarter, or the next
    /// one the branch has not signed off (a signed-off quarter is locked). Null when the cycle is
    /// closed or no quarter is left.
    /// </summary>
    public static async Task<int?> BookingQuarterAsync(
        DbConnection connection,
        DbTransaction? transaction,
        long unitId,
        Cycle cycle,
        int quarter,
        CancellationToken cancellationToken)
    {
        if (!cycle.IsOpen)
        {
            return null;
        }

        var signedOff = (await connection.QueryAsync<int>(new CommandDefinition(
            SignedOffQuarters, new { UnitId = unitId, cycle.Year }, transaction, cancellationToken: cancellationToken))).ToHashSet();
        for (var q = quarter; q <= 4; q++)
        {
            if (!signedOff.Contains(q))
            {
                return q;
            }
        }

        return null;
    }

    /// <summary>Grants the cycle's base points, dated <paramref name="day"/>, to one member or to every active member lacking them.</summary>
    public static Task<int> GrantBasePointsAsync(
        DbConnection connection,
        DbTransaction? transaction,
        Cycle cycle,
        long? memberId,
        DateOnly day,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var bookedOn = day < cycle.StartsOn ? cycle.StartsOn : day > cycle.EndsOn ? cycle.EndsOn : day;
        return connection.ExecuteAsync(new CommandDefinition(
            GrantBase,
            new { CycleId = cycle.Id, Quarter = cycle.QuarterOf(bookedOn), OccurredOn = bookedOn, RecordedAt = now, MemberId = memberId },
            transaction,
            cancellationToken: cancellationToken));
    }
}
