using System.Data.Common;
using ChatReport.Bot.Storage.Connections;
using ChatReport.Conversation.Domain;
using Dapper;

namespace ChatReport.Bot.Storage.Domain;

/// <summary>The reviewer's and the member's decisions on a pending claim: approve, reject, withdraw.</summary>
public sealed partial class ClaimStore
{
    // The status test makes the decision safe on its own, whatever the isolation: of two
    // reviewers racing, only one UPDATE finds the claim still pending.
    private const string Decide = $"""
        UPDATE claims
        SET status = @Status, awarded_points = @AwardedPoints, decided_by = @DecidedBy, decided_at = @DecidedAt, decision_note = @DecisionNote
        WHERE id = @Id AND status = 'pending'
        RETURNING {Columns}
        """;

    public Task<ClaimChange> WithdrawAsync(long claimId, long memberId, CancellationToken cancellationToken) =>
        connections.WriteAsync(
            async (connection, transaction) =>
            {
                var row = await connection.QuerySingleOrDefaultAsync<ClaimRow>(new CommandDefinition(ById, new { Id = claimId }, transaction, cancellationToken: cancellationToken));
                if (row is null || row.MemberId != memberId)
                {
                    return new ClaimChange(ClaimChangeStatus.NotFound, null, null, null);
                }

                var now = time.GetUtcNow();
                var after = await connection.QuerySingleOrDefaultAsync<ClaimRow>(new CommandDefinition(
                    Decide,
                    new { Id = claimId, Status = ClaimStatus.Withdrawn, AwardedPoints = (int?)null, DecidedBy = memberId, DecidedAt = now, DecisionNote = (string?)null },
                    transaction,
                    cancellationToken: cancellationToken));
                if (after is null)
                {
                    return await NoLongerPendingAsync(connection, transaction, row, cancellationToken);
                }

                var before = await WithAttachmentsAsync(connection, transaction, row, cancellationToken);
                var claim = after.ToClaim(before.Attachments);
                await AuditLog.WriteAsync(connection, transaction, now, memberId, "claim.withdraw", AuditSubjects.Claim, Id(claimId), before, claim, cancellationToken);
                return new ClaimChange(ClaimChangeStatus.Done, claim, await MemberAsync(connection, transaction, memberId, cancellationToken), null);
            },
            cancellationToken);

    public Task<ClaimChange> DecideAsync(ReviewRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var note = Blank(request.Note);
        if (request.Action != ReviewAction.Approve && note is null)
        {
            throw new ArgumentException("Rejecting or changing the points of a claim needs a reason.", nameof(request));
        }

        if (request.Action == ReviewAction.Adjust && request.Points is not (>= 0 and <= 1000))
        {
            throw new ArgumentException("Adjusted points must be between 0 and 1000.", nameof(request));
        }

        return connections.WriteAsync(
            async (connection, transaction) =>
            {
                var row = await connection.QuerySingleOrDefaultAsync<ClaimRow>(new CommandDefinition(ById, new { Id = request.ClaimId }, transaction, cancellationToken: cancellationToken));
                if (row is null)
                {
                    return new ClaimChange(ClaimChangeStatus.NotFound, null, null, null);
                }

                if (await RefusalToReviewAsync(connection, transaction, row, request.ReviewerId, cancellationToken) is { } refusal)
                {
                    return refusal;
                }

                var before = await WithAttachmentsAsync(connection, transaction, row, cancellationToken);

                var approve = request.Action != ReviewAction.Reject;
                int? quarter = null;
                if (approve)
                {
                    var cycle = await LedgerWriter.GetCycleAsync(connection, transaction, row.CycleId, cancellationToken);
                    quarter = cycle is null
                        ? null
                        : await LedgerWriter.BookingQuarterAsync(connection, transaction, row.UnitId, cycle, cycle.QuarterOf(row.OccurredOn), cancellationToken);
                    if (quarter is null)
                    {
                        return new ClaimChange(ClaimChangeStatus.PeriodClosed, before, null, null);
                    }
                }

                var now = time.GetUtcNow();
                var awarded = request.Action switch
                {
                    ReviewAction.Approve => row.ClaimedPoints,
                    ReviewAction.Adjust => request.Points,
                    _ => (int?)null,
                };
                var decided = await connection.QuerySingleOrDefaultAsync<ClaimRow>(new CommandDefinition(
                    Decide,
                    new
                    {
                        Id = row.Id,
                        Status = approve ? ClaimStatus.Approved : ClaimStatus.Rejected,
                        AwardedPoints = awarded,
                        DecidedBy = request.ReviewerId,
                        DecidedAt = now,
                        DecisionNote = note,
                    },
                    transaction,
                    cancellationToken: cancellationToken));
                if (decided is null)
                {
                    return await NoLongerPendingAsync(connection, transaction, row, cancellationToken);
                }

                LedgerEntry? entry = null;
                if (approve)
                {
                    entry = await LedgerWriter.InsertAsync(
                        connection,
                        transaction,
                        new NewLedgerEntry(
                            row.MemberId, row.UnitId, row.CycleId, quarter!.Value, LedgerKind.Bonus, awarded!.Value, row.OccurredOn, now,
                            RecordedBy: request.ReviewerId, Reason: note, RuleId: row.RuleId, ClaimId: row.Id),
                        cancellationToken);
                }

                var claim = decided.ToClaim(before.Attachments);
                await AuditLog.WriteAsync(
                    connection, transaction, now, request.ReviewerId, "claim." + request.Action.ToStored(), AuditSubjects.Claim, Id(row.Id),
                    before, new { claim, LedgerEntryId = entry?.Id }, cancellationToken);
                return new ClaimChange(ClaimChangeStatus.Done, claim, await MemberAsync(connection, transaction, request.ReviewerId, cancellationToken), entry);
            },
            cancellationToken);
    }

    // A reviewer acts only on a claim still pending, not their own, in a unit they review; the
    // refusal, or null when the reviewer may go on.
    private static async Task<ClaimChange?> RefusalToReviewAsync(DbConnection connection, DbTransaction? transaction, ClaimRow row, long reviewerId, CancellationToken cancellationToken)
    {
        if (row.Status != ClaimStatus.Pending)
        {
            return await NoLongerPendingAsync(connection, transaction, row, cancellationToken);
        }

        return reviewerId == row.MemberId || !await Permissions.CanReviewAsync(connection, transaction, reviewerId, row.UnitId, cancellationToken)
            ? new ClaimChange(ClaimChangeStatus.NotAllowed, await WithAttachmentsAsync(connection, transaction, row, cancellationToken), null, null)
            : null;
    }

    private static async Task<ClaimChange> NoLongerPendingAsync(DbConnection connection, DbTransaction? transaction, ClaimRow row, CancellationToken cancellationToken)
    {
        var current = await connection.QuerySingleAsync<ClaimRow>(new CommandDefinition(ById, new { row.Id }, transaction, cancellationToken: cancellationToken));
        var decider = current.DecidedBy is { } id ? await MemberAsync(connection, transaction, id, cancellationToken) : null;
        return new ClaimChange(ClaimChangeStatus.NoLongerPending, await WithAttachmentsAsync(connection, transaction, current, cancellationToken), decider, null);
    }
}
