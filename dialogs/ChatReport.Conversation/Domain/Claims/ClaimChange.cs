namespace ChatReport.Conversation.Domain;

/// <summary>The outcome of a decision on, or withdrawal of, a claim.</summary>
/// <param name="Status">How it ended.</param>
/// <param name="Claim">The claim as it now stands (when it exists).</param>
/// <param name="DecidedBy">For <see cref="ClaimChangeStatus.Done"/> and <see cref="ClaimChangeStatus.NoLongerPending"/>: the member who decided or withdrew it.</param>
/// <param name="Entry">The ledger entry written by this approval; null otherwise.</param>
public sealed record ClaimChange(ClaimChangeStatus Status, Claim? Claim, Member? DecidedBy, LedgerEntry? Entry);
