namespace ChatReport.Bot.Storage.Channels;

/// <summary>
/// Where a DingTalk conversation can be answered: through the session webhook of its latest
/// message while that lives, else through the send-to-users (private chat) or send-to-group API.
/// </summary>
/// <param name="ConversationId">DingTalk's conversationId (the openConversationId in a group).</param>
/// <param name="IsGroup">A group chat rather than a private one.</param>
/// <param name="StaffId">The member in a private chat; null in a group.</param>
/// <param name="SessionWebhook">The reply URL DingTalk handed out with the latest message.</param>
/// <param name="SessionWebhookExpiresAt">When that URL stops working.</param>
/// <param name="UpdatedAt">When the bot last heard from the conversation.</param>
public sealed record DingTalkConversation(
    string ConversationId,
    bool IsGroup,
    string? StaffId,
    string? SessionWebhook,
    DateTimeOffset? SessionWebhookExpiresAt,
    DateTimeOffset UpdatedAt);
