namespace ChatReport.Conversation.Notices;

/// <summary>The outcome of <see cref="IObjectionBook.FileAsync"/>.</summary>
/// <param name="Status">How it ended.</param>
/// <param name="Objection">The objection filed (or filed before).</param>
/// <param name="EndsOn">The objection period's last day, when there is an open notice.</param>
public sealed record ObjectionFiling(ObjectionFilingStatus Status, Objection? Objection = null, DateOnly? EndsOn = null);
