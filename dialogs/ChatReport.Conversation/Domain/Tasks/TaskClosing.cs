namespace ChatReport.Conversation.Domain;

/// <summary>The outcome of completing or cancelling a task.</summary>
/// <param name="Status">How it ended.</param>
/// <param name="Task">The task as it now stands.</param>
/// <param name="SignUps">Everyone signed up (to notify), with attendance once completed.</param>
/// <param name="Awards">The ledger entries written for the participants (empty for a cancellation).</param>
public sealed record TaskClosing(TaskClosingStatus Status, ServiceTask? Task, IReadOnlyList<TaskSignup> SignUps, IReadOnlyList<LedgerEntry> Awards);
