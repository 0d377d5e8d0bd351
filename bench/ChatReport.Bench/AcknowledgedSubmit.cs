namespace ChatReport.Bench;

/// <summary>A 提交 (submit) activity the bot answered with 200, and the reply text if one came.</summary>
internal sealed record AcknowledgedSubmit(string ConversationId, string ActivityId, string UserId, string? ReplyText);
