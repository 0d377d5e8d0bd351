using System.Data.Common;
using System.Globalization;
using ChatReport.Bot.Storage.Connections;
using ChatReport.Conversation.Domain;
using Dapper;

namespace ChatReport.Bot.Storage.Domain;

public sealed partial class ClaimStore(DbConnectionFactory connections, TimeProvider time) : IClaimBook
{
    private const string Columns = """
        id, member_id, unit_id, rule_id, rule_version, cycle_id, occurred_at, occurred_on, place, description,
        claimed_points, status, awarded_points, decided_by, decided_at, decision_note, member_note,
        source_channel_id, source_conversation_id, source_activity_id, created_at, day_part, time_known
        """;

    private const string AttachmentColumns = "id, claim_id, content_type, content_url, name, created_at";

    private const string BySource = $"""
        SELECT {Columns} FROM claims
        WHERE source_channel_id = @ChannelId AND source_conversation_id = @ConversationId AND source_activity_id = @ActivityId
        """;

    private const string ById = $"""
        SELECT {Columns} FROM claims WHERE id = @Id
        """;

    private const string ActiveMemberUnit = """
        SELECT unit_id FROM members WHERE id = @MemberId AND is_active = TRUE
        """;

    private const string ClaimableRuleVersion = """
        SELECT version FROM point_rules WHERE id = @RuleId AND is_active = TRUE AND kind = 'bonus'
        """;

    private const string Insert = """
        INSERT INTO claims (
            member_id, unit_id, rule_id, rule_version, cycle_id, occurred_at, occurred_on, place, description,
            claimed_points, status, member_note, source_channel_id, source_conversation_id, source_activity_id, created_at,
            day_part, time_known)
        VALUES (
            @MemberId, @UnitId, @RuleId, @RuleVersion, @CycleId, @OccurredAt, @OccurredOn, @Place, @Description,
            @ClaimedPoints, 'pending', @MemberNote, @SourceChannelId, @SourceConversationId, @SourceActivityId, @CreatedAt,
            @DayPart, @TimeKnown)
        RETURNING id
        """;

    private const string InsertLearnedWord = """
        INSERT INTO learned_words (unit_id, rule_id, word, claim_id, created_at)
        VALUES (@UnitId, @RuleId, @Word, @ClaimId, @CreatedAt)
        ON CONFLICT DO NOTHING
        """;

    private const string InsertAttachment = """
        INSERT INTO claim_attachments (claim_id, content_type, content_url, name, created_at)
        VALUES (@ClaimId, @ContentType, @ContentUrl, @Name, @CreatedAt)
        """;

    private const string AttachmentsOf = $"""
        SELECT {AttachmentColumns} FROM claim_attachments WHERE claim_id IN @ClaimIds ORDER BY claim_id, id
        """;

    private const string Pending = $"""
        SELECT {Columns} FROM claims
        WHERE unit_id = @UnitId AND status = 'pending' AND (@SubmittedBefore IS NULL OR created_at < @SubmittedBefore)
        ORDER BY created_at, id
        """;

    private const string AllPendingCount = """
        SELECT count(*) FROM claims WHERE status = 'pending'
        """;

    private const string PendingCount = """
        SELECT count(*) FROM claims WHERE unit_id = @UnitId AND status = 'pending'
        """;

    private const string OfMember = $"""
        SELECT {Columns} FROM claims
        WHERE member_id = @MemberId AND cycle_id = @CycleId AND (@Status IS NULL OR status = @Status)
        ORDER BY occurred_on DESC, id DESC
        """;

    private const string SameDay = $"""
        SELECT {Columns} FROM claims
        WHERE member_id = @MemberId AND rule_id = @RuleId AND occurred_on = @Day AND status IN ('pending', 'approved')
        ORDER BY id
        """;

    // Reversals copy the rule and the day of the entry they cancel, so they net out here.
    private const string Usage = """
        SELECT
            (SELECT COALESCE(SUM(points), 0) FROM ledger_entries
             WHERE member_id = @MemberId AND rule_id = @RuleId AND occurred_on BETWEEN @First AND @Last) AS awarded_points,
            (SELECT COALESCE(SUM(claimed_points), 0) FROM claims
             WHERE member_id = @MemberId AND rule_id = @RuleId AND status = 'pending' AND occurred_on BETWEEN @First AND @Last) AS pending_points
        """;

    private const string MemberById = """
        SELECT id, unit_id, display_name, is_active, joined_at FROM members WHERE id = @Id
        """;

    public Task<ClaimSubmission> SubmitAsync(ClaimRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Source);
        if (string.IsNullOrWhiteSpace(request.Description))
        {
            throw new ArgumentException("A claim needs a description of what happened.", nameof(request));
        }

        if (request.ClaimedPoints is < 0 or > 1000)
        {
            throw new ArgumentException("Claimed points must be between 0 and 1000.", nameof(request));
        }

        return connections.WriteAsync(
            async (connection, transaction) =>
            {
                var earlier = await connection.QuerySingleOrDefaultAsync<ClaimRow>(new CommandDefinition(
                    BySource, request.Source, transaction, cancellationToken: cancellationToken));
                if (earlier is not null)
                {
                    return new ClaimSubmission(ClaimSubmissionStatus.AlreadySubmitted, await WithAttachmentsAsync(connection, transaction, earlier, cancellationToken));
                }

                var unitId = await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
                    ActiveMemberUnit, new { request.MemberId }, transaction, cancellationToken: cancellationToken));
                if (unitId is null)
                {
                    return new ClaimSubmission(ClaimSubmissionStatus.MemberNotActive, null);
                }

                var ruleVersion = await connection.QuerySingleOrDefaultAsync<int?>(new CommandDefinition(
                    ClaimableRuleVersion, new { request.RuleId }, transaction, cancellationToken: cancellationToken));
                if (ruleVersion is null)
                {
                    return new ClaimSubmission(ClaimSubmissionStatus.RuleNotClaimable, null);
                }

                var cycle = await LedgerWriter.FindOpenCycleAsync(connection, transaction, request.OccurredOn, cancellationToken);
                if (cycle is null)
                {
                    return new ClaimSubmission(ClaimSubmissionStatus.NoOpenCycle, null);
                }

                // Inside BEGIN IMMEDIATE: no other claim can land between this count and the insert.
                if (request.Cap is { } cap)
                {
                    var (awarded, pending) = await connection.QuerySingleAsync<(int, int)>(new CommandDefinition(
                        Usage, new { request.MemberId, request.RuleId, cap.Period.First, cap.Period.Last }, transaction, cancellationToken: cancellationToken));
                    var remaining = cap.Points - awarded - pending;
                    if (request.ClaimedPoints > remaining)
                    {
                        return new ClaimSubmission(ClaimSubmissionStatus.CapExceeded, null, Math.Max(0, remaining));
                    }
                }

                var now = time.GetUtcNow();
                var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                    Insert,
                    new
                    {
                        request.MemberId,
                        UnitId = unitId.Value,
                        request.RuleId,
                        RuleVersion = ruleVersion.Value,
                        CycleId = cycle.Id,
                        request.OccurredAt,
                        request.OccurredOn,
                        Place = Blank(request.Place),
                        Description = request.Description.Trim(),
                        request.ClaimedPoints,
                        MemberNote = Blank(request.MemberNote),
                        SourceChannelId = request.Source.ChannelId,
                        SourceConversationId = request.Source.ConversationId,
                        SourceActivityId = request.Source.ActivityId,
                        CreatedAt = now,
                        request.DayPart,
                        request.TimeKnown,
                    },
                    transaction,
                    cancellationToken: cancellationToken));
                if (request.LearnWords is { Count: > 0 } learn)
                {
                    await connection.ExecuteAsync(new CommandDefinition(
                        InsertLearnedWord,
                        learn.Where(w => w.Length is > 0 and <= 40).Distinct(StringComparer.Ordinal)
                            .Select(w => new { UnitId = unitId.Value, request.RuleId, Word = w, ClaimId = id, CreatedAt = now }).ToList(),
                        transaction,
                        cancellationToken: cancellationToken));
                }
                if (request.Attachments is { Count: > 0 } attachments)
                {
                    await connection.ExecuteAsync(new CommandDefinition(
                        InsertAttachment,
                        attachments.Select(a => new { ClaimId = id, a.ContentType, a.ContentUrl, a.Name, CreatedAt = now }).ToList(),
                        transaction,
                        cancellationToken: cancellationToken));
                }

                var created = await connection.QuerySingleAsync<ClaimRow>(new CommandDefinition(ById, new { Id = id }, transaction, cancellationToken: cancellationToken));
                return new ClaimSubmission(ClaimSubmissionStatus.Created, await WithAttachmentsAsync(connection, transaction, created, cancellationToken));
            },
            cancellationToken);
    }

    public async Task<Claim?> GetAsync(long claimId, CancellationToken cancellationToken)
    {
        await using var lease = await connections.UseAsync(cancellationToken);
        var connection = lease.Connection;
        var row = await connection.QuerySingleOrDefaultAsync<ClaimRow>(new CommandDefinition(ById, new { Id = claimId }, cancellationToken: cancellationToken));
        return row is null ? null : await WithAttachmentsAsync(connection, null, row, cancellationToken);
    }

    private const string UnitsWithPendingSql = """
        SELECT DISTINCT unit_id FROM claims WHERE status = 'pending' AND created_at < @SubmittedBefore ORDER BY unit_id
        """;

    public async Task<IReadOnlyList<long>> ListUnitsWithPendingAsync(DateTimeOffset submittedBefore, CancellationToken cancellationToken)
    {
        await using var lease = await connections.UseAsync(cancellationToken);
        var connection = lease.Connection;
        var units = await connection.QueryAsync<long>(new CommandDefinition(UnitsWithPendingSql, new { SubmittedBefore = submittedBefore }, cancellationToken: cancellationToken));
        return [.. units];
    }

    public async Task<IReadOnlyList<Claim>> ListPendingAsync(long unitId, DateTimeOffset? submittedBefore, CancellationToken cancellationToken)
    {
        await using var lease = await connections.UseAsync(cancellationToken);
        var connection = lease.Connection;
        var rows = await connection.QueryAsync<ClaimRow>(new CommandDefinition(
            Pending, new { UnitId = unitId, SubmittedBefore = submittedBefore }, cancellationToken: cancellationToken));
        return await WithAttachmentsAsync(connection, null, rows.ToList(), cancellationToken);
    }

    public async Task<int> CountPendingAsync(long unitId, CancellationToken cancellationToken)
    {
        await using var lease = await connections.UseAsync(cancellationToken);
        var connection = lease.Connection;
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(PendingCount, new { UnitId = unitId }, cancellationToken: cancellationToken));
    }

    /// <summary>Claims waiting for a reviewer in every branch (the metrics' gauge).</summary>
    public async Task<long> CountAllPendingAsync(CancellationToken cancellationToken)
    {
        await using var lease = await connections.UseAsync(cancellationToken);
        var connection = lease.Connection;
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(AllPendingCount, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<Claim>> ListForMemberAsync(long memberId, long cycleId, ClaimStatus? status, CancellationToken cancellationToken)
    {
        await using var lease = await connections.UseAsync(cancellationToken);
        var connection = lease.Connection;
        var rows = await connection.QueryAsync<ClaimRow>(new CommandDefinition(
            OfMember, new { MemberId = memberId, CycleId = cycleId, Status = status }, cancellationToken: cancellationToken));
        return await WithAttachmentsAsync(connection, null, rows.ToList(), cancellationToken);
    }

    public async Task<IReadOnlyList<Claim>> FindSameDayAsync(long memberId, long ruleId, DateOnly day, CancellationToken cancellationToken)
    {
        await using var lease = await connections.UseAsync(cancellationToken);
        var connection = lease.Connection;
        var rows = await connection.QueryAsync<ClaimRow>(new CommandDefinition(
            SameDay, new { MemberId = memberId, RuleId = ruleId, Day = day }, cancellationToken: cancellationToken));
        return await WithAttachmentsAsync(connection, null, rows.ToList(), cancellationToken);
    }

    public async Task<RuleUsage> GetRuleUsageAsync(long memberId, long ruleId, DateRange period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        await using var lease = await connections.UseAsync(cancellationToken);
        var connection = lease.Connection;
        var (awarded, pending) = await connection.QuerySingleAsync<(int, int)>(new CommandDefinition(
            Usage, new { MemberId = memberId, RuleId = ruleId, period.First, period.Last }, cancellationToken: cancellationToken));
        return new RuleUsage(period, awarded, pending);
    }

    private static Task<Member?> MemberAsync(DbConnection connection, DbTransaction? transaction, long memberId, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<Member>(new CommandDefinition(MemberById, new { Id = memberId }, transaction, cancellationToken: cancellationToken));

    private static async Task<Claim> WithAttachmentsAsync(DbConnection connection, DbTransaction? transaction, ClaimRow row, CancellationToken cancellationToken) =>
        (await WithAttachmentsAsync(connection, transaction, [row], cancellationToken))[0];

    private static async Task<IReadOnlyList<Claim>> WithAttachmentsAsync(
        DbConnection connection,
        DbTransaction? transaction,
        List<ClaimRow> rows,
        CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return [];
        }

        var attachments = (await connection.QueryAsync<ClaimAttachment>(new CommandDefinition(
                SqlDialect.Lists(connection, AttachmentsOf), new { ClaimIds = rows.Select(r => r.Id).ToArray() }, transaction, cancellationToken: cancellationToken)))
            .ToLookup(a => a.ClaimId);
        return [.. rows.Select(r => r.ToClaim([.. attachments[r.Id]]))];
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private sealed record ClaimRow(
        long Id,
        long MemberId,
        long UnitId,
        long RuleId,
        int RuleVersion,
        long CycleId,
        DateTimeOffset OccurredAt,
        DateOnly OccurredOn,
        string? Place,
        string Description,
        int ClaimedPoints,
        ClaimStatus Status,
        int? AwardedPoints,
        long? DecidedBy,
        DateTimeOffset? DecidedAt,
        string? DecisionNote,
        string? MemberNote,
        string SourceChannelId,
        string SourceConversationId,
        string SourceActivityId,
        DateTimeOffset CreatedAt,
        DayPart? DayPart,
        bool TimeKnown)
    {
        public Claim ToClaim(IReadOnlyList<ClaimAttachment> attachments) => new(
            Id, MemberId, UnitId, RuleId, RuleVersion, CycleId, OccurredAt, OccurredOn, Place, Description,
            ClaimedPoints, Status, AwardedPoints, DecidedBy, DecidedAt, DecisionNote, MemberNote,
            new ActivityKey(SourceChannelId, SourceConversationId, SourceActivityId), CreatedAt, attachments,
            DayPart, TimeKnown);
    }
}
