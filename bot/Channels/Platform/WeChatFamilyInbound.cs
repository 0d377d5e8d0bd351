using System.Globalization;
using System.Text;
using ChatReport.Bot.Authentication;
using ChatReport.Bot.Channels.Media;
using ChatReport.Bot.Channels.WeChatCrypto;
using ChatReport.Bot.Connector;
using ChatReport.Bot.Messaging;
using ChatReport.Bot.Storage.Channels;
using ChatReport.Dialogs.Schema;

namespace ChatReport.Bot.Channels.Platform;

/// <summary>
/// What WeChat Official Accounts and WeCom apps share on the way in: the same XML messages, the
/// same timestamp check, and the same way to turn text, photos and follows into Activities whose
/// ids survive the platform's redeliveries (its MsgId, or sender and time for events), so the
/// de-duplication middleware runs each callback once however often it arrives. A platform says
/// how its callbacks are signed and encrypted, and which events it adds.
/// </summary>
public abstract class WeChatFamilyInbound(ChannelMediaStore media, IServiceScopeFactory scopes, TimeProvider time, ILogger logger)
{
    /// <summary>The platform's name in logs: WeChat, WeCom.</summary>
    public abstract string Name { get; }

    /// <summary>What an accepted POST answers; null for an empty 200.</summary>
    public abstract string? AcceptedBody { get; }

    protected abstract string ChannelId { get; }

    protected abstract string ServiceUrl { get; }

    protected abstract ChannelAccount Bot { get; }

    protected abstract TimeSpan MaxClockSkew { get; }

    /// <summary>URL verification: what the platform expects back, once the signature is checked.</summary>
    public abstract string VerifyUrl(WeChatFamilyCallback callback);

    /// <summary>Reads, checks and runs one callback; throws <see cref="WeChatCryptoException"/> for a callback to refuse.</summary>
    public async Task ReceiveAsync(WeChatFamilyCallback callback, byte[] body, HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(callback);
        ArgumentNullException.ThrowIfNull(body);
        CheckFresh(callback.Timestamp);
        var message = Open(callback, WeChatXml.Parse(Utf8(body)));
        var activity = await ToActivityAsync(message, request, cancellationToken);
        if (activity is null)
        {
            logger.LogDebug("{Platform} callback {MsgType}/{Event} needs no turn", Name, Field(message, "MsgType"), Field(message, "Event"));
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var processor = scope.ServiceProvider.GetRequiredService<IActivityProcessor>();
        // The platform's request is verified by its signature, as a local channel's is by being local.
        await processor.ProcessAsync(activity, AuthenticationOutcome.LocalChannel, CancellationToken.None);
    }

    /// <summary>The message inside the envelope, its signature checked (and decrypted where it is encrypted).</summary>
    protected abstract IReadOnlyDictionary<string, string> Open(WeChatFamilyCallback callback, IReadOnlyDictionary<string, string> envelope);

    protected abstract Task<(byte[] Content, string ContentType)> DownloadMediaAsync(string mediaId, string userId, CancellationToken cancellationToken);

    /// <summary>The turn an event starts (<paramref name="turn"/> addressed, with no type or id yet), or null for none. Both platforms welcome a new follower.</summary>
    protected virtual Activity? EventActivity(IReadOnlyDictionary<string, string> message, Activity turn, DateTimeOffset created) =>
        Field(message, "Event") == "subscribe"
            ? turn with { Type = ActivityTypes.ConversationUpdate, Id = $"subscribe-{Stamp(created)}", MembersAdded = [turn.From!] }
            : null;

    protected void CheckFresh(string? timestamp)
    {
        if (!CallbackClock.IsFresh(timestamp, time.GetUtcNow(), MaxClockSkew))
        {
            throw new WeChatCryptoException(WeChatCryptoError.SignatureMismatch, "The callback's timestamp is missing or too far from our clock.");
        }
    }

    protected static string Stamp(DateTimeOffset created) => created.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    protected static string? Field(IReadOnlyDictionary<string, string> message, string name) => message.TryGetValue(name, out var value) ? value : null;

    private async Task<Activity?> ToActivityAsync(IReadOnlyDictionary<string, string> message, HttpRequest request, CancellationToken cancellationToken)
    {
        var userId = Field(message, "FromUserName") ?? throw Malformed("FromUserName");
        var created = long.TryParse(Field(message, "CreateTime"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : throw Malformed("CreateTime");
        var user = new ChannelAccount { Id = userId, Role = "user" };
        var template = new Activity
        {
            ChannelId = ChannelId,
            ServiceUrl = ServiceUrl,
            Timestamp = created,
            From = user,
            Recipient = Bot,
            Conversation = new ConversationAccount { Id = userId, IsGroup = false, ConversationType = "personal" },
            Locale = "zh-CN",
        };

        switch (Field(message, "MsgType"))
        {
            case "text":
                return template with { Type = ActivityTypes.Message, Id = MsgId(message), Text = Field(message, "Content") ?? "" };
            case "image":
                return template with { Type = ActivityTypes.Message, Id = MsgId(message), Attachments = [await PhotoAsync(message, userId, request, cancellationToken)] };
            case "event":
                return EventActivity(message, template, created);
            case { } other when Field(message, "MsgId") is { Length: > 0 }:
                // Voice, video, location, links: no text to act on, but the sender hears what the bot can do.
                logger.LogDebug("{Platform} {MsgType} message taken as an empty message", Name, other);
                return template with { Type = ActivityTypes.Message, Id = MsgId(message), Text = "" };
            default:
                return null;
        }
    }

    private async Task<Attachment> PhotoAsync(IReadOnlyDictionary<string, string> message, string userId, HttpRequest request, CancellationToken cancellationToken)
    {
        var name = $"{ChannelId}-{MsgId(message)}.jpg";
        if (Field(message, "MediaId") is { Length: > 0 } mediaId)
        {
            try
            {
                var (content, contentType) = await DownloadMediaAsync(mediaId, userId, cancellationToken);
                var type = contentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase) ? contentType : "image/jpeg";
                var url = await ChannelMediaApi.KeepAsync(media, request, ChannelId, userId, type, content, time.GetUtcNow(), cancellationToken);
                return new Attachment { ContentType = type, ContentUrl = url, Name = name };
            }
            catch (ConnectorException ex)
            {
                logger.LogWarning("Could not download photo {MediaId} from {Platform} ({StatusCode} {ErrorCode}); keeping its PicUrl", mediaId, Name, ex.StatusCode, ex.ErrorCode);
            }
        }

        // The platform's own link is the next best evidence: it stays readable for a while.
        return new Attachment { ContentType = "image/jpeg", ContentUrl = Field(message, "PicUrl"), Name = name };
    }

    private static string MsgId(IReadOnlyDictionary<string, string> message) =>
        Field(message, "MsgId") is { Length: > 0 and <= 64 } id && id.All(char.IsAsciiDigit) ? id : throw Malformed("MsgId");

    private static WeChatCryptoException Malformed(string field) => new(WeChatCryptoError.XmlUnreadable, $"The message has no usable {field}.");

    private static string Utf8(byte[] body)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(body);
        }
        catch (DecoderFallbackException ex)
        {
            throw new WeChatCryptoException(WeChatCryptoError.XmlUnreadable, "The body is not UTF-8.", ex);
        }
    }
}
