using ChatReport.Conversation.Domain;

namespace ChatReport.Conversation.Understanding;

/// <summary>Which rule a sentence is about, and how sure that is.</summary>
/// <param name="Confidence">Sure, unsure, none, or a deduction.</param>
/// <param name="Candidates">The rules to propose or offer, best first (empty for none).</param>
public sealed record RuleMatch(RuleConfidence Confidence, IReadOnlyList<RuleCandidate> Candidates)
{
    /// <summary>Nothing found.</summary>
    public static RuleMatch Nothing { get; } = new(RuleConfidence.None, []);

    /// <summary>The rule to propose when sure; null otherwise.</summary>
    public PointRule? Rule => Confidence == RuleConfidence.Sure ? Candidates[0].Rule : null;
}
