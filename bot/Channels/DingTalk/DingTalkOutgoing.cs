using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatReport.Dialogs.Schema;

namespace ChatReport.Bot.Channels.DingTalk;

/// <summary>
/// What an outgoing activity looks like on DingTalk: plain text, markdown, or an ActionCard whose
/// buttons are the card's buttons (hero card buttons, Adaptive Card submits, suggested actions),
/// each sending the same command text a reviewer could type.
/// </summary>
public sealed record DingTalkOutgoing(string Title, string Text, bool IsMarkdown, IReadOnlyList<DingTalkButton> Buttons)
{
    /// <summary>DingTalk's ActionCards take at most five buttons; the commands stay in the text anyway.</summary>
    public const int MaxButtons = 5;

    private const int MaxTitleLength = 30;

    /// <summary>The message for <paramref name="activity"/>, or null when it has nothing DingTalk can show.</summary>
    public static DingTalkOutgoing? FromActivity(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var buttons = new List<DingTalkButton>();
        var images = new List<string>();
        var text = activity.Text;
        foreach (var attachment in activity.Attachments ?? [])
        {
            if (attachment.Content is not { ValueKind: JsonValueKind.Object } content)
            {
                continue;
            }

            if (string.Equals(attachment.ContentType, Attachment.HeroCardContentType, StringComparison.OrdinalIgnoreCase))
            {
                text ??= string.Join('\n', new[] { Str(content, "title"), Str(content, "text") }.Where(s => s is not null));
                AddHeroButtons(content, buttons);
                if (content.TryGetProperty("images", out var pictures) && pictures.ValueKind == JsonValueKind.Array)
                {
                    images.AddRange(pictures.EnumerateArray().Select(p => Str(p, "url")).OfType<string>().Where(IsWebUrl));
                }
            }
            else if (string.Equals(attachment.ContentType, Attachment.AdaptiveCardContentType, StringComparison.OrdinalIgnoreCase))
            {
                text ??= Str(content, "fallbackText");
                AddSubmits(content, buttons);
            }
        }

        foreach (var action in activity.SuggestedActions?.Actions ?? [])
        {
            if (CommandOf(action.Type, action.Value, action.Text) is { } command)
            {
                buttons.Add(new DingTalkButton(action.Title ?? command, command));
            }
        }

        if (string.IsNullOrWhiteSpace(text) && buttons.Count == 0)
        {
            return null;
        }

        text ??= "";
        var title = TitleOf(text);
        if (buttons.Count > 0)
        {
            var markdown = new StringBuilder(MarkdownLines(text));
            foreach (var image in images.Take(1))
            {
                markdown.Append("\n\n![](").Append(image).Append(')');
            }

            return new DingTalkOutgoing(title, markdown.ToString(), IsMarkdown: true, [.. buttons.Take(MaxButtons)]);
        }

        var isMarkdown = string.Equals(activity.TextFormat, "markdown", StringComparison.OrdinalIgnoreCase);
        return new DingTalkOutgoing(title, isMarkdown ? text : text.Trim(), isMarkdown, []);
    }

    /// <summary>The robot send APIs' <c>msgKey</c> and <c>msgParam</c> (a JSON string).</summary>
    public (string MsgKey, string MsgParam) ForOpenApi()
    {
        var param = new JsonObject();
        string key;
        if (Buttons.Count == 1)
        {
            key = "sampleActionCard";
            param["title"] = Title;
            param["text"] = Text;
            param["singleTitle"] = Buttons[0].Title;
            param["singleURL"] = Buttons[0].ActionUrl;
        }
        else if (Buttons.Count > 1)
        {
            key = "sampleActionCard" + Buttons.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            param["title"] = Title;
            param["text"] = Text;
            for (var i = 0; i < Buttons.Count; i++)
            {
                var n = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                param["actionTitle" + n] = Buttons[i].Title;
                param["actionURL" + n] = Buttons[i].ActionUrl;
            }
        }
        else if (IsMarkdown)
        {
            key = "sampleMarkdown";
            param["title"] = Title;
            param["text"] = Text;
        }
        else
        {
            key = "sampleText";
            param["content"] = Text;
        }

        return (key, param.ToJsonString());
    }

    /// <summary>The body a session webhook or a custom robot webhook takes.</summary>
    public JsonObject ForWebhook()
    {
        if (Buttons.Count > 0)
        {
            var card = new JsonObject { ["title"] = Title, ["text"] = Text };
            if (Buttons.Count == 1)
            {
                card["singleTitle"] = Buttons[0].Title;
                card["singleURL"] = Buttons[0].ActionUrl;
            }
            else
            {
                card["btnOrientation"] = "0";
                card["btns"] = new JsonArray([.. Buttons.Select(b => (JsonNode)new JsonObject { ["title"] = b.Title, ["actionURL"] = b.ActionUrl })]);
            }

            return new JsonObject { ["msgtype"] = "actionCard", ["actionCard"] = card };
        }

        return IsMarkdown
            ? new JsonObject { ["msgtype"] = "markdown", ["markdown"] = new JsonObject { ["title"] = Title, ["text"] = Text } }
            : new JsonObject { ["msgtype"] = "text", ["text"] = new JsonObject { ["content"] = Text } };
    }

    private static void AddHeroButtons(JsonElement content, List<DingTalkButton> buttons)
    {
        if (!content.TryGetProperty("buttons", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var button in list.EnumerateArray())
        {
            var value = button.TryGetProperty("value", out var v) ? v : (JsonElement?)null;
            if (CommandOf(Str(button, "type"), value, Str(button, "text")) is { } command)
            {
                buttons.Add(new DingTalkButton(Str(button, "title") ?? command, command));
            }
        }
    }

    // Top-level actions and those in ActionSets of the body, in reading order.
    private static void AddSubmits(JsonElement card, List<DingTalkButton> buttons)
    {
        if (card.TryGetProperty("body", out var body) && body.ValueKind == JsonValueKind.Array)
        {
            foreach (var element in body.EnumerateArray())
            {
                if (string.Equals(Str(element, "type"), "ActionSet", StringComparison.Ordinal))
                {
                    AddSubmits(element, buttons);
                }
            }
        }

        if (!card.TryGetProperty("actions", out var actions) || actions.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var action in actions.EnumerateArray())
        {
            if (string.Equals(Str(action, "type"), "Action.Submit", StringComparison.Ordinal)
                && action.TryGetProperty("data", out var data)
                && Str(data, ChatReport.Conversation.Commands.CardCommand.ValueProperty) is { } command)
            {
                buttons.Add(new DingTalkButton(Str(action, "title") ?? command, command));
            }
        }
    }

    private static string? CommandOf(string? type, JsonElement? value, string? text) =>
        type switch
        {
            CardAction.ImBack or CardAction.PostBack => value is { ValueKind: JsonValueKind.String } v ? NonEmpty(v.GetString()) : null,
            CardAction.MessageBack => NonEmpty(text) ?? (value is { ValueKind: JsonValueKind.String } v ? NonEmpty(v.GetString()) : null),
            _ => null,
        };

    private static string TitleOf(string text)
    {
        var first = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "ChatReport";
        return first.Length <= MaxTitleLength ? first : first[..MaxTitleLength] + "…";
    }

    // DingTalk's markdown joins single line breaks like any markdown; two trailing spaces keep them.
    private static string MarkdownLines(string text) =>
        string.Join("  \n", text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'));

    private static bool IsWebUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static string? Str(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? NonEmpty(value.GetString())
            : null;
}
