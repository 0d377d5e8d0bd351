using ChatReport.Conversation.Domain;

namespace ChatReport.Conversation.Review;

/// <summary>The step state of <see cref="DecideClaimDialog"/>.</summary>
/// <param name="ClaimId">The claim.</param>
/// <param name="Action">Approve, reject or adjust.</param>
/// <param name="Points">The new points, once known.</param>
/// <param name="Note">The reason, once known.</param>
/// <param name="ReviewerId">The reviewer, once checked.</param>
public sealed record ReviewDraft(long ClaimId, ReviewAction Action, int? Points, string? Note, long ReviewerId = 0);
