namespace ChatReport.Conversation.Review;

/// <summary>The step state of <see cref="ApproveAllDialog"/>: the claims the reviewer confirms, fixed when asked.</summary>
/// <param name="ReviewerId">The reviewer.</param>
/// <param name="ClaimIds">The claims shown in the confirmation.</param>
public sealed record ApproveAllState(long ReviewerId = 0, IReadOnlyList<long>? ClaimIds = null);
