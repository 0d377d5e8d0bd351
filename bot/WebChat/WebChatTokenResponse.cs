using System.Text.Json.Serialization;

namespace ChatReport.Bot.WebChat;

/// <summary>A Direct Line token for the chosen conversation, bound to the chosen user.</summary>
public sealed record WebChatTokenResponse(
    string Token,
    string ConversationId,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    string UserId,
    string Name,
    string? Group);
