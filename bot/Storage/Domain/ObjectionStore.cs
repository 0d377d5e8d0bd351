using System.Data.Common;
using System.Globalization;
using ChatReport.Bot.Storage.Connections;
using ChatReport.Conversation.Domain;
using ChatReport.Conversation.Notices;
using Dapper;
using Microsoft.Extensions.Options;

namespace ChatReport.Bot.Storage.Domain;

/// <summary>
/// Objections to the quarterly notice during its objection period, and the quarter becoming final.
/// The sign-off still locks the quarter for ordinary entries (late approvals and corrections go to
/// the next quarter, as before), so the notice people read does not change under them; an upheld
/// objection's correction is the one entry booked into the objected quarter itself, because it
/// corrects that very notice, and because a fourth quarter has no next quarter to take it.
/// </summary>
public sealed class ObjectionStore(DbConnectionFactory connections, TimeProvider time, IOptions<ObjectionOptions> objectionOptions, IOptions<CycleOptions> cycleOptions) : IObjectionBook
{
    private const string Select = """
        SELECT o.id, o.unit_id, o.year, o.quarter, o.objector_id, ob.display_name AS objector_name, o.member_id,
               m.display_name AS member_name, o.entry_id, o.reason, o.status, o.created_at, o.resolution, o.correction_entry_id
        FROM objections o
        JOIN members ob ON ob.id = o.objector_id
        JOIN members m ON m.id = o.member_id
        """;

    private const string ById = Select + " WHERE o.id = @Id";

    private const string BySource = Select + """
         WHERE o.source_channel_id = @ChannelId AND o.source_conversation_id = @ConversationId AND o.source_activity_id = @ActivityId
        """;

    private const string OpenOfUnit = Select + " WHERE o.unit_id = @UnitId AND o.status = 'open' ORDER BY o.id";

    private const string Member = """
        SELECT id, unit_id, display_name FROM members WHERE id = @Id AND is_active = TRUE
        """;

    private const string MembersByName = """
        SELECT id, unit_id, display_name FROM members WHERE unit_id = @UnitId AND display_name = @Name AND is_active = TRUE
        """;

    private const string Unfinal = """
        SELECT s.unit_id, s.year, s.quarter, s.signed_at,
               (SELECT COUNT(*) FROM objections o
                WHERE o.unit_id = s.unit_id AND o.year = s.year AND o.quarter = s.quarter AND o.status = 'open') AS open_objections,
               r.reminded_on
        FROM quarter_signoffs s
        LEFT JOIN quarter_finals f ON f.unit_id = s.unit_id AND f.year = s.year AND f.quarter = s.quarter
        LEFT JOIN objection_reminders r ON r.unit_id = s.unit_id AND r.year = s.year AND r.quarter = s.quarter
        WHERE f.unit_id IS NULL AND (@UnitId IS NULL OR s.unit_id = @UnitId)
        ORDER BY s.year DESC, s.quarter DESC
        """;

    private const string EntryOfQuarter = $"""
        SELECT {LedgerEntryRow.Columns} FROM ledger_entries
        WHERE id = @Id AND unit_id = @UnitId AND quarter = @Quarter AND cycle_id = (SELECT id FROM cycles WHERE year = @Year)
        """;

    private const string MemberEntriesOfQuarter = $"""
        SELECT {LedgerEntryRow.Columns} FROM ledger_entries
        WHERE member_id = @MemberId AND quarter = @Quarter AND cycle_id = (SELECT id FROM cycles WHERE year = @Year)
        ORDER BY occurred_on, id
        """;

    private const string EntryById = $"SELECT {LedgerEntryRow.Columns} FROM ledger_entries WHERE id = @Id";

    private const string IsCorrected = "SELECT EXISTS (SELECT 1 FROM ledger_entries WHERE reverses_entry_id = @Id)";

    private const string CycleByYear = "SELECT id, year, starts_on, ends_on, is_open FROM cycles WHERE year = @Year";

    private const string Insert = """
        INSERT INTO objections (unit_id, year, quarter, objector_id, member_id, entry_id, reason, created_at, source_channel_id, source_conversation_id, source_activity_id)
        VALUES (@UnitId, @Year, @Quarter, @ObjectorId, @MemberId, @EntryId, @Reason, @CreatedAt, @ChannelId, @ConversationId, @ActivityId)
        RETURNING id
        """;

    private const string Resolve = """
        UPDATE objections SET status = @Status, resolved_by = @ResolvedBy, resolved_at = @ResolvedAt, resolution = @Resolution, correction_entry_id = @CorrectionEntryId
        WHERE id = @Id AND status = 'open'
        """;

    private const string InsertFinal = """
        INSERT INTO quarter_finals (unit_id, year, quarter, final_at) VALUES (@UnitId, @Year, @Quarter, @FinalAt)
        ON CONFLICT DO NOTHING
        """;

    private const string OpenCount = """
        SELECT COUNT(*) FROM objections WHERE unit_id = @UnitId AND year = @Year AND quarter = @Quarter AND status = 'open'
        """;

    private const string MarkReminded = """
        INSERT INTO objection_reminders (unit_id, year, quarter, reminded_on) VALUES (@UnitId, @Year, @Quarter, @Today)
        ON CONFLICT (unit_id, year, quarter) DO UPDATE SET reminded_on = excluded.reminded_on
        """;

    private const string IsFinal = """
        SELECT EXISTS (SELECT 1 FROM quarter_finals WHERE unit_id = @UnitId AND year = @Year AND quarter = @Quarter)
        """;

    public async Task<ObjectionFiling> FileAsync(ObjectionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Reason);
        var reason = request.Reason.Trim();
        reason = reason.Length > 500 ? reason[..500] : reason;
        return await connections.WriteAsync(
            async (connection, transaction) =>
            {
                if (request.Source is { } source
                    && await connection.QuerySingleOrDefaultAsync<ObjectionRow>(new CommandDefinition(BySource, source, transaction, cancellationToken: cancellationToken)) is { } earlier)
                {
                    return new ObjectionFiling(ObjectionFilingStatus.AlreadyFiled, earlier.ToObjection());
                }

                if (await connection.QuerySingleOrDefaultAsync<MemberRow>(new CommandDefinition(Member, new { Id = request.ObjectorId }, transaction, cancellationToken: cancellationToken)) is not { } objector
                    || await OpenPeriodAsync(connection, transaction, objector.UnitId, cancellationToken) is not { } period)
                {
                    return new ObjectionFiling(ObjectionFilingStatus.NoOpenNotice);
                }

                long memberId;
                if (request.EntryId is { } entryId)
                {
                    var entry = await connection.QuerySingleOrDefaultAsync<LedgerEntryRow>(new CommandDefinition(
                        EntryOfQuarter, new { Id = entryId, UnitId = objector.UnitId, period.Year, period.Quarter }, transaction, cancellationToken: cancellationToken));
                    if (entry is null)
                    {
                        return new ObjectionFiling(ObjectionFilingStatus.NoSuchItem, EndsOn: period.EndsOn);
                    }

                    memberId = entry.ToEntry().MemberId;
                }
                else
                {
                    var named = (await connection.QueryAsync<MemberRow>(new CommandDefinition(
                        MembersByName, new { objector.UnitId, Name = request.MemberName?.Trim() ?? "" }, transaction, cancellationToken: cancellationToken))).ToList();
                    if (named.Count != 1)
                    {
                        return new ObjectionFiling(ObjectionFilingStatus.NoSuchMember, EndsOn: period.EndsOn);
                    }

                    memberId = named[0].Id;
                }

                var now = time.GetUtcNow();
                var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                    Insert,
                    new
                    {
                        objector.UnitId,
                        period.Year,
                        period.Quarter,
                        ObjectorId = objector.Id,
                        MemberId = memberId,
                        request.EntryId,
                        Reason = reason,
                        CreatedAt = now,
                        request.Source?.ChannelId,
                        request.Source?.ConversationId,
                        request.Source?.ActivityId,
                    },
                    transaction,
                    cancellationToken: cancellationToken));
                var filed = (await connection.QuerySingleAsync<ObjectionRow>(new CommandDefinition(ById, new { Id = id }, transaction, cancellationToken: cancellationToken))).ToObjection();
                await AuditLog.WriteAsync(connection, transaction, now, objector.Id, "objection.file", "objection", Text(id), null, filed, cancellationToken);
                return new ObjectionFiling(ObjectionFilingStatus.Filed, filed, period.EndsOn);
            },
            cancellationToken);
    }

    public async Task<IReadOnlyList<OpenObjection>> ListOpenAsync(long unitId, CancellationToken cancellationToken)
    {
        await using var lease = await connections.UseAsync(cancellationToken);
        var connection = lease.Connection;
        var open = new List<OpenObjection>();
        foreach (var row in await connection.QueryAsync<ObjectionRow>(new CommandDefinition(OpenOfUnit, new { UnitId = unitId }, cancellationToken: cancellationToken)))
        {
            var objection = row.ToObjection();
            var items = objection.EntryId is { } entryId
                ? await connection.QueryAsync<LedgerEntryRow>(new CommandDefinition(EntryById, new { Id = entryId }, cancellationToken: cancellationToken))
                : await connection.QueryAsync<LedgerEntryRow>(new CommandDefinition(
                    MemberEntriesOfQuarter, new { objection.MemberId, objection.Quarter.Year, objection.Quarter.Quarter }, cancellationToken: cancellationToken));
            open.Add(new OpenObjection(objection, [.. items.Select(i => i.ToEntry())]));
        }

        return open;
    }

    public Task<ObjectionDecisionResult> DecideAsync(ObjectionDecision decision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentException.ThrowIfNullOrWhiteSpace(decision.Reason);
        return connections.WriteAsync(
            async (connection, transaction) =>
            {
                if (await connection.QuerySingleOrDefaultAsync<ObjectionRow>(new CommandDefinition(ById, new { Id = decision.ObjectionId }, transaction, cancellationToken: cancellationToken)) is not { } row)
                {
                    return new ObjectionDecisionResult(ObjectionDecisionStatus.NotFound);
                }

                var before = row.ToObjection();
                if (before.Status != ObjectionStatus.Open)
                {
                    return new ObjectionDecisionResult(ObjectionDecisionStatus.AlreadyResolved, before);
                }

                // The usual ledger rule: a reviewer of the branch, never on their own points.
                if (decision.ReviewerId == before.MemberId || !await Permissions.CanReviewAsync(connection, transaction, decision.ReviewerId, before.UnitId, cancellationToken))
                {
                    return new ObjectionDecisionResult(ObjectionDecisionStatus.NotAllowed, before);
                }

                var now = time.GetUtcNow();
                LedgerEntry? correction = null;
                if (decision.Uphold)
                {
                    if (await CorrectionAsync(connection, transaction, before, decision, now, cancellationToken) is not { } entry)
                    {
                        return new ObjectionDecisionResult(ObjectionDecisionStatus.NeedsPoints, before);
                    }

                    correction = await LedgerWriter.InsertAsync(connection, transaction, entry, cancellationToken);
                }

                await connection.ExecuteAsync(new CommandDefinition(
                    Resolve,
                    new
                    {
                        Id = before.Id,
                        Status = decision.Uphold ? "upheld" : "dismissed",
                        ResolvedBy = decision.ReviewerId,
                        ResolvedAt = now,
                        Resolution = decision.Reason.Trim(),
                        CorrectionEntryId = correction?.Id,
                    },
                    transaction,
                    cancellationToken: cancellationToken));
                var after = (await connection.QuerySingleAsync<ObjectionRow>(new CommandDefinition(ById, new { Id = before.Id }, transaction, cancellationToken: cancellationToken))).ToObjection();
                await AuditLog.WriteAsync(
                    connection, transaction, now, decision.ReviewerId, decision.Uphold ? "objection.uphold" : "objection.dismiss", "objection", Text(before.Id),
                    before, new { Objection = after, Correction = correction }, cancellationToken);
                return new ObjectionDecisionResult(ObjectionDecisionStatus.Done, after, correction);
            },
            cancellationToken);
    }

    /// <summary>
    /// One scheduler round: signed-off quarters whose objection period ended with nothing open
    /// become final; those with objections still open are returned once a day for a reminder.
    /// </summary>
    public Task<ObjectionRound> FinaliseDueAsync(CancellationToken cancellationToken) =>
        connections.WriteAsync(
            async (connection, transaction) =>
            {
                var today = Today();
                var now = time.GetUtcNow();
                var finalised = new List<QuarterOfUnit>();
                var remind = new List<(QuarterOfUnit Quarter, int Open)>();
                var rows = await connection.QueryAsync<UnfinalRow>(new CommandDefinition(Unfinal, new { UnitId = (long?)null }, transaction, cancellationToken: cancellationToken));
                foreach (var row in rows)
                {
                    var quarter = new QuarterOfUnit(row.UnitId, new QuarterId(row.Year, row.Quarter));
                    if (today <= EndsOn(row.SignedAt))
                    {
                        continue;
                    }

                    var key = new { row.UnitId, row.Year, row.Quarter };
                    if (row.OpenObjections == 0)
                    {
                        if (await connection.ExecuteAsync(new CommandDefinition(InsertFinal, new { row.UnitId, row.Year, row.Quarter, FinalAt = now }, transaction, cancellationToken: cancellationToken)) == 1)
                        {
                            await AuditLog.WriteAsync(connection, transaction, now, null, "quarter.final", AuditSubjects.Quarter, Text($"{row.UnitId}/{row.Year}Q{row.Quarter}"), null, key, cancellationToken);
                            finalised.Add(quarter);
                        }
                    }
                    else if (row.RemindedOn != today)
                    {
                        await connection.ExecuteAsync(new CommandDefinition(MarkReminded, new { row.UnitId, row.Year, row.Quarter, Today = today }, transaction, cancellationToken: cancellationToken));
                        remind.Add((quarter, (int)row.OpenObjections));
                    }
                }

                return new ObjectionRound(finalised, remind);
            },
            cancellationToken);

    /// <summary>The quarter's objection period: its last day, whether it is final, and how many objections are open; null when not signed off.</summary>
    public async Task<(DateOnly EndsOn, bool IsFinal, int Open)?> FindPeriodAsync(long unitId, QuarterId quarter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(quarter);
        await using var lease = await connections.UseAsync(cancellationToken);
        var connection = lease.Connection;
        var key = new { UnitId = unitId, quarter.Year, quarter.Quarter };
        var signedAt = await connection.QuerySingleOrDefaultAsync<DateTimeOffset?>(new CommandDefinition(
            "SELECT signed_at FROM quarter_signoffs WHERE unit_id = @UnitId AND year = @Year AND quarter = @Quarter", key, cancellationToken: cancellationToken));
        if (signedAt is not { } at)
        {
            return null;
        }

        var isFinal = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(IsFinal, key, cancellationToken: cancellationToken));
        var open = await connection.ExecuteScalarAsync<int>(new CommandDefinition(OpenCount, key, cancellationToken: cancellationToken));
        return (EndsOn(at), isFinal, open);
    }

    /// <summary>The last day of the objection period of a notice signed off at <paramref name="signedAt"/>.</summary>
    public DateOnly EndsOn(DateTimeOffset signedAt) =>
        LocalCalendar.ToLocalDate(signedAt, cycleOptions.Value.TimeZone).AddDays(objectionOptions.Value.ObjectionDays);

    // The correction an upheld objection books into the objected quarter: the item reversed (or
    // adjusted by the points given), or the member's line adjusted by the points given.
    private static async Task<NewLedgerEntry?> CorrectionAsync(DbConnection connection, DbTransaction? transaction, Objection objection, ObjectionDecision decision, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cycle = await connection.QuerySingleOrDefaultAsync<Cycle>(new CommandDefinition(CycleByYear, new { objection.Quarter.Year }, transaction, cancellationToken: cancellationToken));
        if (cycle is null)
        {
            return null;
        }

        var reason = $"异议#{objection.Id}成立：{decision.Reason.Trim()}";
        if (objection.EntryId is { } entryId
            && (await connection.QuerySingleAsync<LedgerEntryRow>(new CommandDefinition(EntryById, new { Id = entryId }, transaction, cancellationToken: cancellationToken))).ToEntry() is { } item
            && !await connection.ExecuteScalarAsync<bool>(new CommandDefinition(IsCorrected, new { Id = entryId }, transaction, cancellationToken: cancellationToken))
            && item.Kind != LedgerKind.Reversal)
        {
            var points = decision.Points ?? -item.Points;
            return points == 0 ? null : new NewLedgerEntry(
                item.MemberId, item.UnitId, item.CycleId, objection.Quarter.Quarter, decision.Points is null ? LedgerKind.Reversal : LedgerKind.Adjustment, points, item.OccurredOn, now,
                RecordedBy: decision.ReviewerId, Reason: reason, RuleId: item.RuleId, ReversesEntryId: item.Id);
        }

        return decision.Points is { } adjustment and not 0
            ? new NewLedgerEntry(
                objection.MemberId, objection.UnitId, cycle.Id, objection.Quarter.Quarter, LedgerKind.Adjustment, adjustment, cycle.Quarter(objection.Quarter.Quarter).Last, now,
                RecordedBy: decision.ReviewerId, Reason: reason)
            : null;
    }

    private async Task<OpenPeriod?> OpenPeriodAsync(DbConnection connection, DbTransaction? transaction, long unitId, CancellationToken cancellationToken)
    {
        var today = Today();
        foreach (var row in await connection.QueryAsync<UnfinalRow>(new CommandDefinition(Unfinal, new { UnitId = (long?)unitId }, transaction, cancellationToken: cancellationToken)))
        {
            if (today <= EndsOn(row.SignedAt))
            {
                return new OpenPeriod(row.Year, row.Quarter, EndsOn(row.SignedAt));
            }
        }

        return null;
    }

    private DateOnly Today() => LocalCalendar.Today(time, cycleOptions.Value.TimeZone);

    private static string Text(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Text(FormattableString text) => FormattableString.Invariant(text);

    private sealed record OpenPeriod(int Year, int Quarter, DateOnly EndsOn);

    private sealed record MemberRow(long Id, long UnitId, string DisplayName);

    // Properties, not a positional record: with no rows SQLite reports the count's type as a blob,
    // and Dapper would refuse a constructor that takes a long.
    private sealed class UnfinalRow
    {
        public long UnitId { get; set; }

        public int Year { get; set; }

        public int Quarter { get; set; }

        public DateTimeOffset SignedAt { get; set; }

        public long OpenObjections { get; set; }

        public DateOnly? RemindedOn { get; set; }
    }

    private sealed record ObjectionRow(
        long Id, long UnitId, int Year, int Quarter, long ObjectorId, string ObjectorName, long MemberId, string MemberName,
        long? EntryId, string Reason, string Status, DateTimeOffset CreatedAt, string? Resolution, long? CorrectionEntryId)
    {
        public Objection ToObjection() => new(
            Id, UnitId, new QuarterId(Year, Quarter), ObjectorId, ObjectorName, MemberId, MemberName, EntryId, Reason,
            Status switch { "upheld" => ObjectionStatus.Upheld, "dismissed" => ObjectionStatus.Dismissed, _ => ObjectionStatus.Open },
            CreatedAt, Resolution, CorrectionEntryId);
    }
}
