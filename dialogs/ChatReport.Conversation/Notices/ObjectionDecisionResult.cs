using ChatReport.Conversation.Domain;

namespace ChatReport.Conversation.Notices;

/// <summary>The outcome of <see cref="IObjectionBook.DecideAsync"/>.</summary>
/// <param name="Status">How it ended.</param>
/// <param name="Objection">The objection as it now stands.</param>
/// <param name="Correction">The correcting ledger entry of an upheld objection.</param>
public sealed record ObjectionDecisionResult(ObjectionDecisionStatus Status, Objection? Objection = null, LedgerEntry? Correction = null);
