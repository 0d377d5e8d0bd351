using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatReport.Dialogs.Schema;

/// <summary>A file or card carried by a message. Send either <see cref="Content"/> or <see cref="ContentUrl"/>.</summary>
public sealed record Attachment
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";
    public const string HeroCardContentType = "application/vnd.microsoft.card.hero";

    public string? ContentType { get; init; }

    public string? ContentUrl { get; init; }

    public JsonElement? Content { get; init; }

    public string? Name { get; init; }

    public string? ThumbnailUrl { get; init; }

    /// <summary>Members this version does not know, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; init; }
}
