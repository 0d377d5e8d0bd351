namespace ChatReport.Conversation.Claims;

/// <summary>How a report begins: with the sentence the member said, if any.</summary>
/// <param name="Sentence">The deed in the member's words (申报 stripped), or null to ask.</param>
public sealed record ReportOptions(string? Sentence);
