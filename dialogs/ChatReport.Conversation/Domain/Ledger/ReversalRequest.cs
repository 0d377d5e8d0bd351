namespace ChatReport.Conversation.Domain;

/// <summary>Cancelling a ledger entry that should not have been written.</summary>
/// <param name="EntryId">The entry to reverse.</param>
/// <param name="Reason">Why (required).</param>
/// <param name="RecordedBy">The reviewer of the entry's branch.</param>
public sealed record ReversalRequest(long EntryId, string Reason, long RecordedBy);
