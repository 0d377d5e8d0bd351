using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatReport.Dialogs.Schema;

namespace ChatReport.Bot.Channels.WeCom;

/// <summary>
/// Activities as WeCom message bodies. A hero card whose buttons say a command back (the review
/// card) becomes a <c>button_interaction</c> template card whose button keys are those commands,
/// so a click comes back as the text a reviewer could type; everything else is text (or
/// markdown when the activity says so), split where WeCom's 2048-byte limit would cut it.
/// </summary>
public static class WeComMessages
{
    public const int MaxTextBytes = 2048;
    public const int MaxRobotMarkdownBytes = 4096;
    private const int MaxButtons = 6;

    /// <summary>The template card for an activity with a hero card of command buttons, or null.</summary>
    public static JsonObject? TemplateCard(Activity activity, string userId)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var hero = (activity.Attachments ?? []).FirstOrDefault(a => string.Equals(a.ContentType, Attachment.HeroCardContentType, StringComparison.Ordinal));
        if (hero?.Content is not { ValueKind: JsonValueKind.Object } content || !content.TryGetProperty("buttons", out var buttons) || buttons.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var list = new JsonArray();
        foreach (var button in buttons.EnumerateArray().Take(MaxButtons))
        {
            if (String(button, "value") is not { Length: > 0 } command || Encoding.UTF8.GetByteCount(command) > 1024)
            {
                continue;
            }

            list.Add(new JsonObject
            {
                ["type"] = 0,
                ["text"] = Clip(String(button, "title") ?? command, 10),
                ["style"] = list.Count == 0 ? 1 : 2,
                ["key"] = command,
            });
        }

        if (list.Count == 0)
        {
            return null;
        }

        var card = new JsonObject
        {
            ["card_type"] = "button_interaction",
            ["main_title"] = new JsonObject { ["title"] = Clip(String(content, "title") ?? "ChatReport", 36), ["desc"] = Clip(String(content, "subtitle") ?? "", 44) },
            ["task_id"] = NewTaskId(),
            ["button_list"] = list,
        };
        if (String(content, "text") is { Length: > 0 } text)
        {
            card["sub_title_text"] = Clip(text, 112);
        }

        return new JsonObject { ["touser"] = userId, ["msgtype"] = "template_card", ["template_card"] = card };
    }

    /// <summary>The activity's text as one or more text (or markdown) messages to <paramref name="userId"/>.</summary>
    public static IReadOnlyList<JsonObject> Texts(Activity activity, string userId)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var markdown = string.Equals(activity.TextFormat, "markdown", StringComparison.OrdinalIgnoreCase);
        var kind = markdown ? "markdown" : "text";
        return [.. Split(TextOf(activity), MaxTextBytes).Select(part => new JsonObject
        {
            ["touser"] = userId,
            ["msgtype"] = kind,
            [kind] = new JsonObject { ["content"] = part },
        })];
    }

    /// <summary>A group robot's markdown message (digests, notices).</summary>
    public static IReadOnlyList<JsonObject> RobotMarkdown(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return [.. Split(TextOf(activity), MaxRobotMarkdownBytes).Select(part => new JsonObject
        {
            ["msgtype"] = "markdown",
            ["markdown"] = new JsonObject { ["content"] = part },
        })];
    }

    /// <summary>The text, or for a card-only activity the card's own text, so nothing is sent empty.</summary>
    public static string TextOf(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (!string.IsNullOrWhiteSpace(activity.Text))
        {
            return activity.Text;
        }

        var parts = new List<string>();
        foreach (var attachment in activity.Attachments ?? [])
        {
            if (attachment.Content is { ValueKind: JsonValueKind.Object } content)
            {
                parts.AddRange(new[] { String(content, "title"), String(content, "subtitle"), String(content, "text") }.OfType<string>());
            }
            else if (attachment.Name is { Length: > 0 } name)
            {
                parts.Add(name);
            }
        }

        return string.Join('\n', parts);
    }

    /// <summary>Splits at line ends so that each part fits <paramref name="maxBytes"/> of UTF-8; a single longer line is cut.</summary>
    public static IReadOnlyList<string> Split(string text, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = new List<string>();
        var current = new StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            var candidate = current.Length == 0 ? line : current + "\n" + line;
            if (Encoding.UTF8.GetByteCount(candidate) <= maxBytes)
            {
                current.Clear().Append(candidate);
                continue;
            }

            if (current.Length > 0)
            {
                parts.Add(current.ToString());
            }

            current.Clear().Append(ClipBytes(line, maxBytes));
        }

        if (current.Length > 0 || parts.Count == 0)
        {
            parts.Add(current.ToString());
        }

        return parts;
    }

    private static string ClipBytes(string text, int maxBytes)
    {
        if (Encoding.UTF8.GetByteCount(text) <= maxBytes)
        {
            return text;
        }

        var end = text.Length;
        while (end > 0 && Encoding.UTF8.GetByteCount(text.AsSpan(0, end)) > maxBytes - 3)
        {
            end--;
        }

        if (end > 0 && char.IsHighSurrogate(text[end - 1]))
        {
            end--;
        }

        return text[..end] + "…";
    }

    private static string Clip(string text, int maxChars) => text.Length <= maxChars ? text : text[..(maxChars - 1)] + "…";

    // Unique within the app, as WeCom requires.
    private static string NewTaskId() => $"cr{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12))}";

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
