namespace ChatReport.Conversation.Domain;

/// <summary>Who did what, with the values before and after (reviews, deductions, roles, rules, codes).</summary>
/// <param name="Id">The record's number.</param>
/// <param name="At">When.</param>
/// <param name="ActorId">The member who acted; null for the system or the command line.</param>
/// <param name="Action">What was done (<c>claim.approve</c>, <c>role.grant</c>…).</param>
/// <param name="SubjectType">What kind of thing it was done to (see <see cref="AuditSubjects"/>).</param>
/// <param name="SubjectId">Which one.</param>
/// <param name="BeforeJson">The subject before, as JSON; null when it was created.</param>
/// <param name="AfterJson">The subject after, as JSON; null when it was removed.</param>
public sealed record AuditRecord(long Id, DateTimeOffset At, long? ActorId, string Action, string SubjectType, string SubjectId, string? BeforeJson, string? AfterJson);
