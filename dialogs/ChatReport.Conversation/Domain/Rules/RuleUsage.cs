namespace ChatReport.Conversation.Domain;

/// <summary>How much of a rule's cap a member has used in a period, to check a new claim against.</summary>
/// <param name="Period">The days counted.</param>
/// <param name="AwardedPoints">Points in the ledger under the rule for deeds in the period (after reversals).</param>
/// <param name="PendingPoints">Points asked for by pending claims under the rule for deeds in the period.</param>
public sealed record RuleUsage(DateRange Period, int AwardedPoints, int PendingPoints)
{
    /// <summary>Awarded and pending together: what a new claim would add to.</summary>
    public int CommittedPoints => AwardedPoints + PendingPoints;
}
