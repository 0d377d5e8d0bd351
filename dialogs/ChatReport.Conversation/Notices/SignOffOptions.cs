namespace ChatReport.Conversation.Notices;

/// <summary>What 签字确认 said.</summary>
/// <param name="Quarter">The quarter named, or null for the last quarter that ended.</param>
public sealed record SignOffOptions(QuarterId? Quarter);
