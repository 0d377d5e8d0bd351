namespace ChatReport.Conversation.Review;

/// <summary>What 改规则 12 扫雪 asked: the claim, and the rule as said (null: ask which).</summary>
/// <param name="ClaimId">The claim.</param>
/// <param name="RuleSaid">The rule's code, name or keyword as typed; null when left out.</param>
/// <param name="ReviewerId">The reviewer, once checked.</param>
public sealed record RuleChangeOptions(long ClaimId, string? RuleSaid, long ReviewerId = 0);
