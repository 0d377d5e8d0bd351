namespace ChatReport.Conversation.Domain;

/// <summary>The outcome of a deduction or reversal.</summary>
/// <param name="Status">How it ended.</param>
/// <param name="Entry">The entry written (or written before); null otherwise.</param>
public sealed record LedgerRecording(LedgerRecordingStatus Status, LedgerEntry? Entry);
