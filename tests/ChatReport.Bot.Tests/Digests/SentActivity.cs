using System.Text.Json;
using ChatReport.Bot.Storage.Channels;
using ChatReport.Dialogs.Schema;

namespace ChatReport.Bot.Tests.Digests;

public sealed record SentActivity(GroupAddress To, Activity Activity, DateTimeOffset At)
{
    /// <summary>The plain text: the message text, or the card's fallback text on card channels.</summary>
    public string Text => Activity.Text is { Length: > 0 } text && Activity.Attachments is null
        ? text
        : Activity.Attachments?.FirstOrDefault(a => a.ContentType == Attachment.AdaptiveCardContentType)?.Content is { } card
            ? card.GetProperty("fallbackText").GetString()!
            : Activity.Text ?? "";

    public JsonElement? Card => Activity.Attachments?.FirstOrDefault(a => a.ContentType == Attachment.AdaptiveCardContentType)?.Content;
}
