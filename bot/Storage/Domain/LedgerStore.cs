using System.Globalization;
using ChatReport.Bot.Storage.Connections;
using ChatReport.Conversation.Domain;
using Dapper;

namespace ChatReport.Bot.Storage.Domain;

public sealed class LedgerStore(DbConnectionFactory connections, TimeProvider time) : ILedger
{
    // The part (base / bonus / deduction) an entry counts in: its own kind, or for reversals and
    // adjustments the kind of the entry they refer to. Points are signed, so deductions are
    // negated to report them as a positive number.
    private const string Parts = """
        COALESCE(SUM(CASE COALESCE(o.kind, e.kind) WHEN 'base' THEN e.points END), 0) AS base_points,
        COALESCE(SUM(CASE WHEN COALESCE(o.kind, e.kind) NOT IN ('base', 'deduction') THEN e.points END), 0) AS bonus_points,
        COALESCE(-SUM(CASE COALESCE(o.kind, e.kind) WHEN 'deduction' THEN e.points END), 0) AS deduction_points
        """;

    private const string MemberTotal = $"""
        SELECT {Parts}
        FROM ledger_entries e
        LEFT JOIN ledger_entries o ON o.id = e.reverses_entry_id
        WHERE e.member_id = @MemberId AND e.cycle_id = @CycleId AND (@Quarter IS NULL OR e.quarter = @Quarter)
        """;

    private const string MemberEntries = $"""
        SELECT {LedgerEntryRow.Columns} FROM ledger_entries
        WHERE member_id = @MemberId AND cycle_id = @CycleId AND (@Quarter IS NULL OR quarter = @Quarter)
        ORDER BY id
        """;

    private const string UnitEntries = $"""
        SELECT {LedgerEntryRow.Columns} FROM ledger_entries
        WHERE unit_id = @UnitId AND cycle_id = @CycleId AND quarter = @Quarter
        ORDER BY member_id, id
        """;

    // Every active member of the branch, with or without entries; RANK() gives 1, 2, 2, 4.
    private const string Standings = $"""
        WITH totals AS (
            SELECT m.id AS member_id, m.display_name, {Parts}
            FROM members m
            LEFT JOIN ledger_entries e
                ON e.member_id = m.id AND e.cycle_id = @CycleId AND (@Quarter IS NULL OR e.quarter = @Quarter)
            LEFT JOIN ledger_entries o ON o.id = e.reverses_entry_id
            WHERE m.unit_id = @UnitId AND m.is_active = TRUE
            GROUP BY m.id, m.display_name
        )
        SELECT member_id, display_name, base_points, bonus_points, deduction_points,
               RANK() OVER (ORDER BY base_points + bonus_points - deduction_points DESC) AS rank
        FROM totals
        ORDER BY rank, member_id
        """;

    private const string ActiveMember = """
        SELECT id, unit_id, display_name, is_active, joined_at FROM members WHERE id = @Id
        """;

    private const string BySource = $"""
        SELECT {LedgerEntryRow.Columns} FROM ledger_entries
        WHERE source_channel_id = @ChannelId AND source_conversation_id = @ConversationId AND source_activity_id = @ActivityId
        """;

    private const string ById = $"""
        SELECT {LedgerEntryRow.Columns} FROM ledger_entries WHERE id = @Id
        """;

    private const string ReversalOf = $"""
        SELECT {LedgerEntryRow.Columns} FROM ledger_entries WHERE reverses_entry_id = @Id
        """;

    private const string DeductionRuleExists = """
        SELECT EXISTS (SELECT 1 FROM point_rules WHERE id = @RuleId AND kind = 'deduction')
        """;

    public async Task<PointsBreakdown> GetTotalAsync(long memberId, long cycleId, int? quarter, CancellationToken cancellationToken)
    {
        await using var lease = await connections.UseAsync(cancellationToken);
        var connection = lease.Connection;
        var (basePoints, bonus, deduction) = await connection.QuerySingleAsync<(int, int, int)>(new CommandDefinition(
            MemberTotal, new { MemberId = memberId, CycleId = cycleId, Quarter = quarter }, cancellationToken: cancellationToken));
        return new PointsBreakdown(basePoints, bonus, deduction);
    }

    public async Task<IReadOnlyList<LedgerEntry>> ListEntriesAsync(long memberId, long cycleId, int? quarter, CancellationToken cancellationToken)
    {
        await using var lease = await connections.UseAsync(cancellationToken);
        var connection = lease.Connection;
        var rows = await connection.QueryAsync<LedgerEntryRow>(new CommandDefinition(
            MemberEntries, new { MemberId = memberId, CycleId = cycleId, Quarter = quarter }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToEntry())];
    }

    public async Task<IReadOnlyList<LedgerEntry>> ListUnitEntriesAsync(long unitId, long cycleId, int quarter, CancellationToken cancellationToken)
    {
        await using var lease = await connections.UseAsync(cancellationToken);
        var connection = lease.Connection;
        var rows = await connection.QueryAsync<LedgerEntryRow>(new CommandDefinition(
            UnitEntries, new { UnitId = unitId, CycleId = cycleId, Quarter = quarter }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToEntry())];
    }

    public async Task<IReadOnlyList<MemberStanding>> GetStandingsAsync(long unitId, long cycleId, int? quarter, CancellationToken cancellationToken)
    {
        await using var lease = await connections.UseAsync(cancellationToken);
        var connection = lease.Connection;
        var rows = await connection.QueryAsync<StandingRow>(new CommandDefinition(
            Standings, new { UnitId = unitId, CycleId = cycleId, Quarter = quarter }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new MemberStanding(r.MemberId, r.DisplayName, new PointsBreakdown(r.BasePoints, r.BonusPoints, r.DeductionPoints), r.Rank))];
    }

    public async Task<MemberRank?> GetRankAsync(long memberId, long cycleId, int? quarter, CancellationToken cancellationToken)
    {
        Member? member;
        await using (var lease = await connections.UseAsync(cancellationToken))
        {
            var connection = lease.Connection;
            member = await connection.QuerySingleOrDefaultAsync<Member>(new CommandDefinition(ActiveMember, new { Id = memberId }, cancellationToken: cancellationToken));
        }

        if (member is not { IsActive: true })
        {
            return null;
        }

        var standings = await GetStandingsAsync(member.UnitId, cycleId, quarter, cancellationToken);
        return standings.FirstOrDefault(s => s.MemberId == memberId) is { } standing ? new MemberRank(standing, standings.Count) : null;
    }

    public Task<LedgerRecording> RecordDeductionAsync(DeductionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Points is < 1 or > 1000)
        {
            throw new ArgumentException("A deduction is between 1 and 1000 points.", nameof(request));
        }

        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            throw new ArgumentException("A deduction needs a reason.", nameof(request));
        }

        return connections.WriteAsync(
            async (connection, transaction) =>
            {
                if (request.Source is { } source)
                {
                    var earlier = await connection.QuerySingleOrDefaultAsync<LedgerEntryRow>(new CommandDefinition(BySource, source, transaction, cancellationToken: cancellationToken));
                    if (earlier is not null)
                    {
                        return new LedgerRecording(LedgerRecordingStatus.AlreadyRecorded, earlier.ToEntry());
                    }
                }

                var member = await connection.QuerySingleOrDefaultAsync<Member>(new CommandDefinition(ActiveMember, new { Id = request.MemberId }, transaction, cancellationToken: cancellationToken));
                if (member is null
                    || (request.RuleId is { } ruleId && !await connection.ExecuteScalarAsync<bool>(new CommandDefinition(DeductionRuleExists, new { RuleId = ruleId }, transaction, cancellationToken: cancellationToken))))
                {
                    return new LedgerRecording(LedgerRecordingStatus.NotFound, null);
                }

                if (request.RecordedBy == member.Id
                    || !await Permissions.CanReviewAsync(connection, transaction, request.RecordedBy, member.UnitId, cancellationToken))
                {
                    return new LedgerRecording(LedgerRecordingStatus.NotAllowed, null);
                }

                var cycle = await LedgerWriter.FindOpenCycleAsync(connection, transaction, request.OccurredOn, cancellationToken);
                var quarter = cycle is null
                    ? null
                    : await LedgerWriter.BookingQuarterAsync(connection, transaction, member.UnitId, cycle, cycle.QuarterOf(request.OccurredOn), cancellationToken);
                if (quarter is null)
                {
                    return new LedgerRecording(LedgerRecordingStatus.PeriodClosed, null);
                }

                var now = time.GetUtcNow();
                var entry = await LedgerWriter.InsertAsync(
                    connection,
                    transaction,
                    new NewLedgerEntry(
                        member.Id, member.UnitId, cycle!.Id, quarter.Value, LedgerKind.Deduction, -request.Points, request.OccurredOn, now,
                        RecordedBy: request.RecordedBy, Reason: request.Reason.Trim(), RuleId: request.RuleId, Source: request.Source),
                    cancellationToken);
                await AuditLog.WriteAsync(connection, transaction, now, request.RecordedBy, "ledger.deduct", AuditSubjects.LedgerEntry, Id(entry.Id), null, entry, cancellationToken);
                return new LedgerRecording(LedgerRecordingStatus.Recorded, entry);
            },
            cancellationToken);
    }

    public Task<LedgerRecording> ReverseAsync(ReversalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            throw new ArgumentException("A reversal needs a reason.", nameof(request));
        }

        return connections.WriteAsync(
            async (connection, transaction) =>
            {
                var original = (await connection.QuerySingleOrDefaultAsync<LedgerEntryRow>(new CommandDefinition(ById, new { Id = request.EntryId }, transaction, cancellationToken: cancellationToken)))?.ToEntry();
                if (original is null)
                {
                    return new LedgerRecording(LedgerRecordingStatus.NotFound, null);
                }

                var earlier = await connection.QuerySingleOrDefaultAsync<LedgerEntryRow>(new CommandDefinition(ReversalOf, new { original.Id }, transaction, cancellationToken: cancellationToken));
                if (earlier is not null)
                {
                    return new LedgerRecording(LedgerRecordingStatus.AlreadyRecorded, earlier.ToEntry());
                }

                // A reversal is undone by a new award or deduction, not by reversing the reversal.
                if (original.Kind == LedgerKind.Reversal
                    || request.RecordedBy == original.MemberId
                    || !await Permissions.CanReviewAsync(connection, transaction, request.RecordedBy, original.UnitId, cancellationToken))
                {
                    return new LedgerRecording(LedgerRecordingStatus.NotAllowed, null);
                }

                var cycle = await LedgerWriter.GetCycleAsync(connection, transaction, original.CycleId, cancellationToken);
                var quarter = cycle is null
                    ? null
                    : await LedgerWriter.BookingQuarterAsync(connection, transaction, original.UnitId, cycle, original.Quarter, cancellationToken);
                if (quarter is null)
                {
                    return new LedgerRecording(LedgerRecordingStatus.PeriodClosed, null);
                }

                var now = time.GetUtcNow();
                var entry = await LedgerWriter.InsertAsync(
                    connection,
                    transaction,
                    new NewLedgerEntry(
                        original.MemberId, original.UnitId, original.CycleId, quarter.Value, LedgerKind.Reversal, -original.Points, original.OccurredOn, now,
                        RecordedBy: request.RecordedBy, Reason: request.Reason.Trim(), RuleId: original.RuleId, ClaimId: original.ClaimId,
                        TaskId: original.TaskId, ReversesEntryId: original.Id),
                    cancellationToken);
                await AuditLog.WriteAsync(connection, transaction, now, request.RecordedBy, "ledger.reverse", AuditSubjects.LedgerEntry, Id(original.Id), original, entry, cancellationToken);
                return new LedgerRecording(LedgerRecordingStatus.Recorded, entry);
            },
            cancellationToken);
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private sealed record StandingRow(long MemberId, string DisplayName, int BasePoints, int BonusPoints, int DeductionPoints, int Rank);
}
