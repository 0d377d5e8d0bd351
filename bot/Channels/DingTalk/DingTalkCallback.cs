using System.Globalization;
using System.Text.Json;

namespace ChatReport.Bot.Channels.DingTalk;

/// <summary>
/// One message DingTalk posts to the robot's HTTP callback, read leniently: numbers may arrive as
/// strings and unknown fields are ignored, but the fields a turn needs must be there.
/// </summary>
/// <param name="MsgId">DingTalk's id of the message; redeliveries repeat it.</param>
/// <param name="MsgType"><c>text</c>, <c>picture</c>, <c>richText</c>…</param>
/// <param name="Text">The words (the parts of a richText joined), or null.</param>
/// <param name="DownloadCodes">Pictures to fetch through the message file API.</param>
/// <param name="IsGroup">conversationType 2.</param>
/// <param name="ConversationId">The chat (a group's openConversationId).</param>
/// <param name="ConversationTitle">A group's name.</param>
/// <param name="SenderId">The sender's staffId (their id in the organisation), else DingTalk's senderId.</param>
/// <param name="SenderNick">The sender's name.</param>
/// <param name="RobotCode">The robot the message was for.</param>
/// <param name="ChatbotUserId">The robot's own user id in the chat.</param>
/// <param name="CreatedAt">When it was sent.</param>
/// <param name="SessionWebhook">Where replies to it may be posted.</param>
/// <param name="SessionWebhookExpiresAt">Until when.</param>
public sealed record DingTalkCallback(
    string MsgId,
    string MsgType,
    string? Text,
    IReadOnlyList<string> DownloadCodes,
    bool IsGroup,
    string ConversationId,
    string? ConversationTitle,
    string SenderId,
    string? SenderNick,
    string? RobotCode,
    string? ChatbotUserId,
    DateTimeOffset? CreatedAt,
    string? SessionWebhook,
    DateTimeOffset? SessionWebhookExpiresAt)
{
    /// <summary>Reads the callback body, or says which required field is missing or wrong.</summary>
    /// <exception cref="JsonException">The body is not JSON.</exception>
    public static (DingTalkCallback? Callback, string? Problem) Parse(ReadOnlyMemory<byte> body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return (null, "the body is not a JSON object");
        }

        var msgId = String(root, "msgId");
        var conversationId = String(root, "conversationId");
        var sender = String(root, "senderStaffId") ?? String(root, "senderId");
        var conversationType = String(root, "conversationType");
        if (msgId is null || conversationId is null || sender is null)
        {
            return (null, "msgId, conversationId and senderStaffId (or senderId) are required");
        }

        if (conversationType is not ("1" or "2"))
        {
            return (null, "conversationType must be 1 (private chat) or 2 (group)");
        }

        if (msgId.Length > 256 || conversationId.Length > 512 || sender.Length > 256)
        {
            return (null, "an id is too long");
        }

        var msgType = String(root, "msgtype") ?? "text";
        var (text, codes) = ReadContent(root, msgType);
        return (new DingTalkCallback(
            msgId,
            msgType,
            text,
            codes,
            conversationType == "2",
            conversationId,
            String(root, "conversationTitle"),
            sender,
            String(root, "senderNick"),
            String(root, "robotCode"),
            String(root, "chatbotUserId"),
            Milliseconds(root, "createAt"),
            String(root, "sessionWebhook"),
            Milliseconds(root, "sessionWebhookExpiredTime")), null);
    }

    private static (string? Text, List<string> Codes) ReadContent(JsonElement root, string msgType)
    {
        var codes = new List<string>();
        if (string.Equals(msgType, "text", StringComparison.Ordinal))
        {
            return (root.TryGetProperty("text", out var text) ? String(text, "content") : null, codes);
        }

        var content = Content(root);
        if (content is not { } value)
        {
            return (null, codes);
        }

        if (string.Equals(msgType, "picture", StringComparison.Ordinal))
        {
            AddCode(value, codes);
            return (null, codes);
        }

        if (string.Equals(msgType, "richText", StringComparison.Ordinal)
            && value.TryGetProperty("richText", out var parts) && parts.ValueKind == JsonValueKind.Array)
        {
            var words = new List<string>();
            foreach (var part in parts.EnumerateArray())
            {
                if (String(part, "text") is { } piece)
                {
                    words.Add(piece);
                }
                else if (string.Equals(String(part, "type"), "picture", StringComparison.Ordinal))
                {
                    AddCode(part, codes);
                }
            }

            return (words.Count == 0 ? null : string.Concat(words), codes);
        }

        return (null, codes);
    }

    // Some senders put the content object in a JSON string.
    private static JsonElement? Content(JsonElement root)
    {
        if (!root.TryGetProperty("content", out var content))
        {
            return null;
        }

        if (content.ValueKind == JsonValueKind.Object)
        {
            return content.Clone();
        }

        if (content.ValueKind == JsonValueKind.String && content.GetString() is { Length: > 0 } json && json.TrimStart().StartsWith('{'))
        {
            try
            {
                using var inner = JsonDocument.Parse(json);
                return inner.RootElement.Clone();
            }
            catch (JsonException)
            {
                return null;
            }
        }

        return null;
    }

    private static void AddCode(JsonElement element, List<string> codes)
    {
        if ((String(element, "downloadCode") ?? String(element, "pictureDownloadCode")) is { } code && codes.Count < 9)
        {
            codes.Add(code);
        }
    }

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString() is { Length: > 0 } text ? text : null,
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    private static DateTimeOffset? Milliseconds(JsonElement element, string name) =>
        String(element, name) is { } text
        && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
        && ms <= DateTimeOffset.MaxValue.ToUnixTimeMilliseconds()
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : null;
}
