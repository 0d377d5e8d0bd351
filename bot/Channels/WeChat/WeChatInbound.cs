using System.Globalization;
using System.Text;
using ChatReport.Bot.Authentication;
using ChatReport.Bot.Channels.Media;
using ChatReport.Bot.Channels.Platform;
using ChatReport.Bot.Channels.WeChatCrypto;
using ChatReport.Bot.Connector;
using ChatReport.Bot.Messaging;
using ChatReport.Bot.Storage.Channels;
using ChatReport.Dialogs.Schema;
using Microsoft.Extensions.Options;

namespace ChatReport.Bot.Channels.WeChat;

/// <summary>
/// The account's callbacks in plaintext or safe mode: checks the signature (in safe mode the
/// <c>msg_signature</c> over the ciphertext, never the plain one alone) and the timestamp,
/// decrypts, and runs text, photos and follows as turns whose ids survive WeChat's redeliveries.
/// </summary>
public sealed class WeChatInbound(
    IOptions<WeChatOptions> options,
    WeChatApiClient api,
    ChannelMediaStore media,
    IServiceScopeFactory scopes,
    TimeProvider time,
    ILogger<WeChatInbound> logger)
{
    private readonly WeChatMessageCrypto? _crypto = options.Value.SafeMode
        ? new WeChatMessageCrypto(options.Value.Token ?? "", options.Value.EncodingAESKey!, options.Value.AppId ?? "")
        : null;

    /// <summary>Server verification: WeChat's <c>echostr</c> is plaintext and goes back as it came.</summary>
    public string VerifyUrl(string? signature, string? timestamp, string? nonce, string? echo)
    {
        CheckFresh(timestamp);
        if (echo is null || !WeChatMessageCrypto.PlainSignatureMatches(options.Value.Token ?? "", signature, timestamp, nonce))
        {
            throw new WeChatCryptoException(WeChatCryptoError.SignatureMismatch, "The signature does not match.");
        }

        return echo;
    }

    public async Task ReceiveAsync(WeChatCallback callback, byte[] body, HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(callback);
        ArgumentNullException.ThrowIfNull(body);
        CheckFresh(callback.Timestamp);
        var envelope = WeChatXml.Parse(Utf8(body));
        IReadOnlyDictionary<string, string> message;
        if (_crypto is not null)
        {
            // Safe mode: only the ciphertext's own signature vouches for it.
            if (!string.Equals(callback.EncryptType, "aes", StringComparison.Ordinal) || !envelope.TryGetValue("Encrypt", out var encrypted))
            {
                throw new WeChatCryptoException(WeChatCryptoError.SignatureMismatch, "Safe mode takes encrypted callbacks only.");
            }

            _crypto.VerifyMessage(callback.MessageSignature, callback.Timestamp, callback.Nonce, encrypted);
            message = WeChatXml.Parse(_crypto.Decrypt(encrypted));
        }
        else
        {
            if (!WeChatMessageCrypto.PlainSignatureMatches(options.Value.Token ?? "", callback.Signature, callback.Timestamp, callback.Nonce))
            {
                throw new WeChatCryptoException(WeChatCryptoError.SignatureMismatch, "The signature does not match.");
            }

            message = envelope;
        }

        var activity = await ToActivityAsync(message, request, cancellationToken);
        if (activity is null)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var processor = scope.ServiceProvider.GetRequiredService<IActivityProcessor>();
        await processor.ProcessAsync(activity, AuthenticationOutcome.LocalChannel, CancellationToken.None);
    }

    private async Task<Activity?> ToActivityAsync(IReadOnlyDictionary<string, string> message, HttpRequest request, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var openId = Field(message, "FromUserName") ?? throw Malformed("FromUserName");
        var created = long.TryParse(Field(message, "CreateTime"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : throw Malformed("CreateTime");
        var user = new ChannelAccount { Id = openId, Role = "user" };
        var template = new Activity
        {
            ChannelId = WeChatChannel.ChannelId,
            ServiceUrl = WeChatChannel.ServiceUrl(settings),
            Timestamp = created,
            From = user,
            Recipient = WeChatChannel.Bot(settings),
            Conversation = new ConversationAccount { Id = openId, IsGroup = false, ConversationType = "personal" },
            Locale = "zh-CN",
        };

        switch (Field(message, "MsgType"))
        {
            case "text":
                return template with { Type = ActivityTypes.Message, Id = MsgId(message), Text = Field(message, "Content") ?? "" };
            case "image":
                return template with { Type = ActivityTypes.Message, Id = MsgId(message), Attachments = [await PhotoAsync(message, openId, request, cancellationToken)] };
            case "event" when Field(message, "Event") == "subscribe":
                return template with { Type = ActivityTypes.ConversationUpdate, Id = $"subscribe-{seconds.ToString(CultureInfo.InvariantCulture)}", MembersAdded = [user] };
            case not "event" when Field(message, "MsgId") is { Length: > 0 }:
                // Voice, video, location, links: no text to act on, but the follower hears what the bot can do.
                return template with { Type = ActivityTypes.Message, Id = MsgId(message), Text = "" };
            default:
                // unsubscribe, menu clicks, location reports…: acknowledged, no turn.
                logger.LogDebug("WeChat callback {MsgType}/{Event} needs no turn", Field(message, "MsgType"), Field(message, "Event"));
                return null;
        }
    }

    private async Task<Attachment> PhotoAsync(IReadOnlyDictionary<string, string> message, string openId, HttpRequest request, CancellationToken cancellationToken)
    {
        var name = $"wechat-{MsgId(message)}.jpg";
        if (Field(message, "MediaId") is { Length: > 0 } mediaId)
        {
            try
            {
                var (content, contentType) = await api.DownloadMediaAsync(mediaId, openId, cancellationToken);
                var type = contentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase) ? contentType : "image/jpeg";
                var url = await ChannelMediaApi.KeepAsync(media, request, WeChatChannel.ChannelId, openId, type, content, time.GetUtcNow(), cancellationToken);
                return new Attachment { ContentType = type, ContentUrl = url, Name = name };
            }
            catch (ConnectorException ex)
            {
                logger.LogWarning("Could not download photo {MediaId} from WeChat ({StatusCode} {ErrorCode}); keeping its PicUrl", mediaId, ex.StatusCode, ex.ErrorCode);
            }
        }

        return new Attachment { ContentType = "image/jpeg", ContentUrl = Field(message, "PicUrl"), Name = name };
    }

    private void CheckFresh(string? timestamp)
    {
        if (!CallbackClock.IsFresh(timestamp, time.GetUtcNow(), options.Value.MaxClockSkew))
        {
            throw new WeChatCryptoException(WeChatCryptoError.SignatureMismatch, "The callback's timestamp is missing or too far from our clock.");
        }
    }

    private static string MsgId(IReadOnlyDictionary<string, string> message) =>
        Field(message, "MsgId") is { Length: > 0 and <= 64 } id && id.All(char.IsAsciiDigit) ? id : throw Malformed("MsgId");

    private static string? Field(IReadOnlyDictionary<string, string> message, string name) => message.TryGetValue(name, out var value) ? value : null;

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
