namespace ChatReport.Conversation.Domain;

/// <summary>A rule's cap for the period of a claim's day, for <see cref="IClaimBook.SubmitAsync"/> to check in the same transaction as the insert.</summary>
/// <param name="Points">The most the member may have awarded and pending under the rule in <paramref name="Period"/>.</param>
/// <param name="Period">The days the cap counts (see <see cref="Cycle.PeriodContaining"/>).</param>
public sealed record ClaimCap(int Points, DateRange Period);
