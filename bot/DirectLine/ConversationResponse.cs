using System.Text.Json.Serialization;

namespace ChatReport.Bot.DirectLine;

/// <summary>The service's Conversation object (start, reconnect, generate and refresh all answer it).</summary>
public sealed record ConversationResponse(
    string ConversationId,
    string? Token,
    [property: JsonPropertyName("expires_in")] int? ExpiresIn,
    string? StreamUrl);
