namespace ChatReport.Bot.WebChat;

/// <summary>
/// What the page sends for a token: who the person says they are, and either nothing (the
/// private chat with the bot) or the name of a group conversation to join.
/// </summary>
public sealed record WebChatTokenRequest(string? UserId, string? Name, string? Group, string? Locale);
