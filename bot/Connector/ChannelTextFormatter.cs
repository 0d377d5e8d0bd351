using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatReport.Dialogs.Schema;

namespace ChatReport.Bot.Connector;

/// <summary>
/// Makes the bot's plain text read the same on every channel. The dialogs write plain lines (one
/// fact a line, ranks as "1. 王芳"); channels that read message text as Markdown (Web Chat, Direct
/// Line, Teams, WeCom, DingTalk) would turn such lines into lists that renumber the ranks, fold
/// single line breaks into spaces, and eat the asterisks and underscores in names. For those
/// channels the text is escaped, its line breaks made hard breaks, and the activity marked
/// <c>markdown</c>; other channels get it marked <c>plain</c>, untouched. Text the bot already
/// wrote as Markdown or XML (a CSV code block) is left as it is. Adaptive Cards read their
/// TextBlocks and facts as Markdown on every channel, so those are escaped wherever they go.
/// </summary>
/// <remarks>
/// <see cref="ConnectorClient"/> applies it to everything it sends, so turns, proactive messages,
/// digests and the outbox all go out formatted, and no dialog needs to know the channel.
/// </remarks>
public static class ChannelTextFormatter
{
    public const string Markdown = "markdown";
    public const string Plain = "plain";

    // CommonMark's hard line break: two spaces before the newline. A bare newline is a soft break,
    // which Markdown renderers show as a space.
    private const string HardBreak = "  \n";

    // The Markdown channels and how each breaks a line. WeCom's Markdown keeps a bare newline;
    // DingTalk's, like CommonMark, needs a hard break.
    private static readonly Dictionary<string, string> s_markdownLineBreaks = new(StringComparer.OrdinalIgnoreCase)
    {
        ["webchat"] = HardBreak,
        ["directline"] = HardBreak,
        ["emulator"] = HardBreak,
        ["msteams"] = HardBreak,
        ["wecom"] = "\n",
        ["dingtalk"] = HardBreak,
    };

    /// <summary>Whether <paramref name="channelId"/> reads message text as Markdown.</summary>
    public static bool IsMarkdownChannel(string? channelId) => channelId is not null && s_markdownLineBreaks.ContainsKey(channelId);

    /// <summary>The activity as <paramref name="activity"/>'s channel should receive it.</summary>
    public static Activity Format(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (!activity.IsType(ActivityTypes.Message))
        {
            return activity;
        }

        if (activity.Attachments?.Any(IsAdaptiveCard) == true)
        {
            activity = activity with { Attachments = [.. activity.Attachments.Select(a => IsAdaptiveCard(a) ? EscapeCard(a) : a)] };
        }

        if (activity.Text is not { Length: > 0 } text)
        {
            return activity;
        }

        var declared = activity.TextFormat;
        if (declared is not null && !string.Equals(declared, Plain, StringComparison.OrdinalIgnoreCase))
        {
            return activity;
        }

        return activity.ChannelId is { } channelId && s_markdownLineBreaks.TryGetValue(channelId, out var lineBreak)
            ? activity with { Text = ToMarkdown(text, lineBreak), TextFormat = Markdown }
            : activity with { TextFormat = Plain };
    }

    /// <summary>
    /// An invoke's HTTP answer as the channel should receive it: every Adaptive Card in it (a
    /// Universal Action's refreshed card, a task module) has its texts escaped as in a message.
    /// </summary>
    public static JsonElement? FormatInvokeBody(JsonElement? body)
    {
        if (body is not { ValueKind: JsonValueKind.Object or JsonValueKind.Array } element)
        {
            return body;
        }

        var node = JsonNode.Parse(element.GetRawText());
        if (!EscapeEmbeddedCards(node))
        {
            return body;
        }

        return JsonSerializer.SerializeToElement(node);
    }

    /// <summary>
    /// Plain text as Markdown that renders to the same characters and lines: every character that
    /// could start markup is escaped, and every line break is kept.
    /// </summary>
    public static string ToMarkdown(string plain, string lineBreak = HardBreak)
    {
        ArgumentNullException.ThrowIfNull(plain);
        ArgumentNullException.ThrowIfNull(lineBreak);
        var lines = plain.ReplaceLineEndings("\n").Split('\n');
        var markdown = new StringBuilder(plain.Length + 16);
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                // An empty line stays a paragraph break; between two lines of text a hard break.
                markdown.Append(lines[i - 1].Length == 0 || lines[i].Length == 0 ? "\n" : lineBreak);
            }

            AppendLine(markdown, lines[i]);
        }

        return markdown.ToString();
    }

    private static bool IsAdaptiveCard(Attachment attachment) =>
        string.Equals(attachment.ContentType, Attachment.AdaptiveCardContentType, StringComparison.OrdinalIgnoreCase)
        && attachment.Content is { ValueKind: JsonValueKind.Object };

    private static Attachment EscapeCard(Attachment card)
    {
        var content = JsonNode.Parse(card.Content!.Value.GetRawText())!;
        EscapeCardTexts(content);
        return card with { Content = JsonSerializer.SerializeToElement(content) };
    }

    // A TextBlock's text and a fact's title and value are Markdown in every Adaptive Card
    // renderer: "1. 王芳" as a fact title would become a numbered list of its own.
    private static void EscapeCardTexts(JsonNode? node)
    {
        switch (node)
        {
            case JsonArray array:
                foreach (var item in array)
                {
                    EscapeCardTexts(item);
                }

                break;
            case JsonObject element:
                var type = element["type"] is JsonValue typeValue && typeValue.TryGetValue<string>(out var name) ? name : null;
                if (type == "TextBlock")
                {
                    EscapeProperty(element, "text");
                }
                else if (type is null && element.ContainsKey("title") && element.ContainsKey("value") && element.Count == 2)
                {
                    EscapeProperty(element, "title");
                    EscapeProperty(element, "value");
                }

                foreach (var (_, child) in element.ToList())
                {
                    EscapeCardTexts(child);
                }

                break;
        }
    }

    // Walks an invoke body for objects of type AdaptiveCard; true when it found one to escape.
    private static bool EscapeEmbeddedCards(JsonNode? node)
    {
        switch (node)
        {
            case JsonArray array:
                return array.Aggregate(false, (found, item) => EscapeEmbeddedCards(item) | found);
            case JsonObject element when element["type"] is JsonValue type && type.TryGetValue<string>(out var name) && name == "AdaptiveCard":
                EscapeCardTexts(element);
                return true;
            case JsonObject element:
                return element.ToList().Aggregate(false, (found, child) => EscapeEmbeddedCards(child.Value) | found);
            default:
                return false;
        }
    }

    private static void EscapeProperty(JsonObject element, string property)
    {
        if (element[property] is JsonValue value && value.TryGetValue<string>(out var text))
        {
            element[property] = ToMarkdown(text);
        }
    }

    private static void AppendLine(StringBuilder markdown, string line)
    {
        // Leading spaces would make an indented code block (four) or a list continuation; the
        // reader sees the same gap with no-break spaces.
        var start = 0;
        while (start < line.Length && line[start] is ' ' or '\t')
        {
            markdown.Append('\u00A0');
            start++;
        }

        var blockMarkerEnd = BlockMarkerEnd(line, start);
        for (var i = start; i < line.Length; i++)
        {
            var c = line[i];
            if (NeedsEscape(c) || i == blockMarkerEnd)
            {
                markdown.Append('\\');
            }

            markdown.Append(c);
        }
    }

    // Characters that start inline markup anywhere: emphasis, code, links, HTML, strikethrough,
    // entities and the escape character itself. '#' is included so that 张三#2 can never open a
    // heading or a channel's tag syntax.
    private static bool NeedsEscape(char c) => c is '\\' or '*' or '_' or '`' or '[' or ']' or '<' or '>' or '~' or '#' or '|' or '&';

    // The index of the character that makes the line a list item or a heading underline when it
    // is not already escaped inline: "12. " / "3) " (ordered list), "- ", "+ " (bullet list),
    // "===" / "---" (setext heading or rule). -1 when the line starts with none of these.
    private static int BlockMarkerEnd(string line, int start)
    {
        if (start >= line.Length)
        {
            return -1;
        }

        var digits = start;
        while (digits < line.Length && digits - start < 10 && char.IsAsciiDigit(line[digits]))
        {
            digits++;
        }

        if (digits > start && digits < line.Length && line[digits] is '.' or ')' && (digits + 1 == line.Length || line[digits + 1] is ' ' or '\t'))
        {
            return digits;
        }

        if (line[start] is '-' or '+' or '=')
        {
            return start;
        }

        return -1;
    }
}
