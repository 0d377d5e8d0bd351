using ChatReport.Conversation.Domain;

namespace ChatReport.Conversation.Notices;

/// <summary>An open objection with the notice items it concerns: the item named, or all the member's items of the quarter.</summary>
/// <param name="Objection">The objection.</param>
/// <param name="Items">The ledger entries it concerns.</param>
public sealed record OpenObjection(Objection Objection, IReadOnlyList<LedgerEntry> Items);
