namespace ChatReport.Conversation.Domain;

/// <summary>The outcome of <see cref="ICycleCalendar.SignOffQuarterAsync"/>.</summary>
/// <param name="SignOff">The sign-off that stands: the new one, or the earlier one.</param>
/// <param name="AlreadySignedOff">True when the quarter had been signed off before; nothing changed.</param>
public sealed record QuarterSignOffResult(QuarterSignOff SignOff, bool AlreadySignedOff);
