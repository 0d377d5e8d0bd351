namespace ChatReport.Conversation.Domain;

/// <summary>A reviewer's decision on a claim.</summary>
/// <param name="ClaimId">The claim.</param>
/// <param name="ReviewerId">The reviewer (a secretary, or a committee member allowed to review, of the claim's branch; never the claimant).</param>
/// <param name="Action">Approve, reject or adjust.</param>
/// <param name="Points">The points to award for <see cref="ReviewAction.Adjust"/> (0–1000); ignored otherwise.</param>
/// <param name="Note">The reason; required to reject or adjust.</param>
public sealed record ReviewRequest(long ClaimId, long ReviewerId, ReviewAction Action, int? Points = null, string? Note = null);
