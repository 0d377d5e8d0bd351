using ChatReport.Conversation.Common;
using ChatReport.Conversation.Domain;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Conversation.Review;

/// <summary>
/// Whether the speaker may act on a claim as its reviewer (decide it, change its rule): the same
/// refusals, in the same order, wherever a claim is reviewed, so nothing about a claim leaks to
/// someone who may not review it.
/// </summary>
/// <param name="Refusal">Why not, or null when they may.</param>
/// <param name="Reviewer">The reviewer, when they may.</param>
/// <param name="Claim">The pending claim, when they may.</param>
internal sealed record ClaimReviewCheck(string? Refusal, Member? Reviewer, Claim? Claim)
{
    /// <summary>Checks the speaker of <paramref name="turn"/> against claim <paramref name="claimId"/>.</summary>
    public static async Task<ClaimReviewCheck> RunAsync(IMemberDirectory members, IClaimBook claims, ITurnContext turn, long claimId, ReviewTexts texts, CancellationToken cancellationToken)
    {
        var actor = await ReviewAccess.FindActorAsync(members, turn, cancellationToken);
        if (actor is null)
        {
            return Refused(texts.NotAMember);
        }

        // Someone who reviews nothing learns nothing about claims, not even whether a number exists.
        if ((await ReviewAccess.ReviewedUnitsAsync(members, turn, cancellationToken)).Count == 0)
        {
            return Refused(texts.NotAReviewer);
        }

        // A claim of a branch the reviewer does not review gets the same answer as one that does
        // not exist, so numbers cannot be used to learn about other branches.
        var claim = await claims.GetAsync(claimId, cancellationToken);
        if (claim is null || !await members.CanReviewAsync(actor.Id, claim.UnitId, cancellationToken))
        {
            return Refused(texts.ClaimNotFound(claimId));
        }

        if (claim.MemberId == actor.Id)
        {
            return Refused(texts.OwnClaim(claimId));
        }

        if (claim.Status != ClaimStatus.Pending)
        {
            var decider = claim.DecidedBy is { } id ? (await members.GetAsync(id, cancellationToken))?.DisplayName : null;
            return Refused(texts.AlreadyDecided(claimId, decider ?? "?", DecideClaimDialog.StatusWord(claim.Status, texts)));
        }

        return new ClaimReviewCheck(null, actor, claim);
    }

    private static ClaimReviewCheck Refused(string refusal) => new(refusal, null, null);
}
