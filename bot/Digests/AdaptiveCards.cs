using System.Text.Json;
using System.Text.Json.Nodes;
using ChatReport.Dialogs.Schema;

namespace ChatReport.Bot.Digests;

/// <summary>
/// Small Adaptive Cards for proactive messages, and which channels get them. Version 1.2 renders
/// in Teams on phones and in Web Chat; the card carries the plain text as its fallback.
/// </summary>
internal static class AdaptiveCards
{
    private static readonly HashSet<string> s_cardChannels = new(StringComparer.OrdinalIgnoreCase) { "msteams", "webchat", "directline", "emulator" };

    public static bool RendersCards(string channelId) => s_cardChannels.Contains(channelId);

    public static JsonObject Card(string fallbackText) => new()
    {
        ["type"] = "AdaptiveCard",
        ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
        ["version"] = "1.2",
        ["fallbackText"] = fallbackText,
        ["body"] = new JsonArray(),
    };

    public static JsonObject Title(string text) => new()
    {
        ["type"] = "TextBlock",
        ["text"] = text,
        ["weight"] = "Bolder",
        ["size"] = "Medium",
        ["wrap"] = true,
    };

    public static JsonObject Heading(string text) => new()
    {
        ["type"] = "TextBlock",
        ["text"] = text,
        ["weight"] = "Bolder",
        ["spacing"] = "Medium",
        ["wrap"] = true,
    };

    public static JsonObject Text(string text, bool subtle = false)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (subtle)
        {
            block["isSubtle"] = true;
        }

        return block;
    }

    // A data: URI: Web Chat and Teams show it without the bot serving the picture anywhere.
    public static JsonObject Image(byte[] png, string altText) => new()
    {
        ["type"] = "Image",
        ["url"] = $"data:image/png;base64,{Convert.ToBase64String(png)}",
        ["altText"] = altText,
        ["size"] = "Stretch",
        ["spacing"] = "Small",
    };

    public static JsonObject Facts(IEnumerable<(string Title, string Value)> facts) => new()
    {
        ["type"] = "FactSet",
        ["facts"] = new JsonArray([.. facts.Select(f => (JsonNode)new JsonObject { ["title"] = f.Title, ["value"] = f.Value })]),
    };

    public static Attachment ToAttachment(JsonObject card) => new()
    {
        ContentType = Attachment.AdaptiveCardContentType,
        Content = JsonSerializer.SerializeToElement(card),
    };
}
