using ChatReport.Conversation.Domain;

namespace ChatReport.Conversation.Review;

/// <summary>What a review command said (通过 12 / 驳回 12 原因 / 改分 12 5 原因); the dialog asks for what is missing.</summary>
/// <param name="ClaimId">The claim.</param>
/// <param name="Action">Approve, reject or adjust.</param>
/// <param name="Points">For an adjustment: the new points, if given.</param>
/// <param name="Note">The reason, if given.</param>
public sealed record ReviewDecision(long ClaimId, ReviewAction Action, int? Points = null, string? Note = null);
