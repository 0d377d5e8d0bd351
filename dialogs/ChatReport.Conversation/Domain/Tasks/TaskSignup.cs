namespace ChatReport.Conversation.Domain;

/// <summary>A member signed up for a task.</summary>
/// <param name="TaskId">The task.</param>
/// <param name="MemberId">The member.</param>
/// <param name="SignedUpAt">When they signed up (or were added when the task was completed).</param>
/// <param name="Attended">Whether they took part, once the reviewer confirmed; null before.</param>
public sealed record TaskSignup(long TaskId, long MemberId, DateTimeOffset SignedUpAt, bool? Attended);
