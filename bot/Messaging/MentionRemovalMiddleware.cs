using System.Text.Json;
using ChatReport.Dialogs.Schema;

namespace ChatReport.Bot.Messaging;

/// <summary>
/// Strips the bot's own @mention from group messages ("&lt;at&gt;ChatReport&lt;/at&gt; 扫雪两小时"
/// becomes "扫雪两小时"), so dialogs see only what the user meant. Identity comes from the
/// mention entities, never from the text.
/// </summary>
public sealed class MentionRemovalMiddleware : ITurnMiddleware
{
    public Task OnTurnAsync(TurnContext turnContext, Func<CancellationToken, Task> nextAsync, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(nextAsync);
        var activity = turnContext.Activity;
        if (activity.IsType(ActivityTypes.Message) && activity.Text is not null && activity.Entities is { Count: > 0 })
        {
            var text = RemoveRecipientMentions(activity.Text, activity.Entities, activity.Recipient?.Id);
            if (!string.Equals(text, activity.Text, StringComparison.Ordinal))
            {
                turnContext.Activity = activity with { Text = text };
            }
        }

        return nextAsync(cancellationToken);
    }

    public static string RemoveRecipientMentions(string text, IEnumerable<JsonElement> entities, string? recipientId)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(entities);
        if (string.IsNullOrEmpty(recipientId))
        {
            return text;
        }

        var removed = false;
        foreach (var entity in entities)
        {
            if (!IsMentionOf(entity, recipientId, out var mentionText, out var mentionedName))
            {
                continue;
            }

            // Channels do not always echo the entity's text exactly (Teams has sent "<at>@Name</at>"),
            // so the name form is tried when the entity's own text is not in the message.
            foreach (var candidate in new[] { mentionText, mentionedName is null ? null : $"<at>{mentionedName}</at>" })
            {
                if (!string.IsNullOrEmpty(candidate) && text.Contains(candidate, StringComparison.OrdinalIgnoreCase))
                {
                    text = text.Replace(candidate, "", StringComparison.OrdinalIgnoreCase);
                    removed = true;
                    break;
                }
            }
        }

        return removed ? text.Trim() : text;
    }

    private static bool IsMentionOf(JsonElement entity, string recipientId, out string? mentionText, out string? mentionedName)
    {
        mentionText = null;
        mentionedName = null;
        if (entity.ValueKind != JsonValueKind.Object
            || !TryGetString(entity, "type", out var type)
            || !string.Equals(type, "mention", StringComparison.OrdinalIgnoreCase)
            || !entity.TryGetProperty("mentioned", out var mentioned)
            || mentioned.ValueKind != JsonValueKind.Object
            || !TryGetString(mentioned, "id", out var mentionedId)
            || !string.Equals(mentionedId, recipientId, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        TryGetString(entity, "text", out mentionText);
        TryGetString(mentioned, "name", out mentionedName);
        return true;
    }

    private static bool TryGetString(JsonElement element, string name, out string? value)
    {
        value = element.TryGetProperty(name, out var property) && property.ValueKind == JsonValueKind.String ? property.GetString() : null;
        return value is not null;
    }
}
