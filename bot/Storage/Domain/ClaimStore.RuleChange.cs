using ChatReport.Bot.Storage.Connections;
using ChatReport.Conversation.Domain;
using Dapper;

namespace ChatReport.Bot.Storage.Domain;

// A reviewer moving a pending claim to another rule (issue 15): the claim, its words for the new
// rule and the audit record change together, or not at all.
public sealed partial class ClaimStore
{
    private const string ChangeRule = $"""
        UPDATE claims SET rule_id = @RuleId, rule_version = @RuleVersion, claimed_points = @Points
        WHERE id = @Id AND status = 'pending'
        RETURNING {Columns}
        """;

    public Task<ClaimChange> ChangeRuleAsync(RuleChangeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Points is < 0 or > 1000)
        {
            throw new ArgumentException("Claimed points must be between 0 and 1000.", nameof(request));
        }

        return connections.WriteAsync(
            async (connection, transaction) =>
            {
                var row = await connection.QuerySingleOrDefaultAsync<ClaimRow>(new CommandDefinition(ById, new { Id = request.ClaimId }, transaction, cancellationToken: cancellationToken));
                var version = await connection.QuerySingleOrDefaultAsync<int?>(new CommandDefinition(ClaimableRuleVersion, new { request.RuleId }, transaction, cancellationToken: cancellationToken));
                if (row is null || version is null)
                {
                    return new ClaimChange(ClaimChangeStatus.NotFound, null, null, null);
                }

                if (await RefusalToReviewAsync(connection, transaction, row, request.ReviewerId, cancellationToken) is { } refusal)
                {
                    return refusal;
                }

                var before = await WithAttachmentsAsync(connection, transaction, row, cancellationToken);

                var changed = await connection.QuerySingleOrDefaultAsync<ClaimRow>(new CommandDefinition(
                    ChangeRule, new { row.Id, request.RuleId, RuleVersion = version.Value, request.Points }, transaction, cancellationToken: cancellationToken));
                if (changed is null)
                {
                    return await NoLongerPendingAsync(connection, transaction, row, cancellationToken);
                }

                var now = time.GetUtcNow();
                var words = request.LearnWords.Where(w => w.Length is > 0 and <= 40).Distinct(StringComparer.Ordinal).ToList();
                if (words.Count > 0)
                {
                    await connection.ExecuteAsync(new CommandDefinition(
                        InsertLearnedWord,
                        words.Select(w => new { row.UnitId, request.RuleId, Word = w, ClaimId = row.Id, CreatedAt = now }).ToList(),
                        transaction,
                        cancellationToken: cancellationToken));
                }

                var claim = changed.ToClaim(before.Attachments);
                await AuditLog.WriteAsync(
                    connection, transaction, now, request.ReviewerId, "claim.change_rule", AuditSubjects.Claim, Id(row.Id),
                    before, new { claim, LearnedWords = words }, cancellationToken);
                return new ClaimChange(ClaimChangeStatus.Done, claim, await MemberAsync(connection, transaction, request.ReviewerId, cancellationToken), null);
            },
            cancellationToken);
    }
}
