namespace ChatReport.Conversation.Domain;

/// <summary>A reviewer moving a pending claim to another rule (改规则 12 扫雪).</summary>
/// <param name="ClaimId">The claim.</param>
/// <param name="ReviewerId">The reviewer (of the claim's branch; never the claimant).</param>
/// <param name="RuleId">The new rule (an active bonus rule).</param>
/// <param name="Points">The points now claimed: the new rule's default, within what its cap still allows (0–1000).</param>
/// <param name="LearnWords">The claim's content words, recorded as the branch's words for the new rule; they count once a reviewer approves the claim under it.</param>
public sealed record RuleChangeRequest(long ClaimId, long ReviewerId, long RuleId, int Points, IReadOnlyList<string> LearnWords);
