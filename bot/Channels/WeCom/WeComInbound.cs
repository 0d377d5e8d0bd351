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

namespace ChatReport.Bot.Channels.WeCom;

/// <summary>
/// The app's callbacks, after the endpoint has read them: checks the signature, the timestamp and
/// the receive id, decrypts, turns the message into an Activity and runs the turn. The Activity's
/// id is stable across WeCom's redeliveries (its MsgId, or sender and time for events), so the
/// de-duplication middleware runs each callback once however often it arrives.
/// </summary>
public sealed class WeComInbound(
    IOptions<WeComOptions> options,
    WeComApiClient api,
    ChannelMediaStore media,
    IServiceScopeFactory scopes,
    TimeProvider time,
    ILogger<WeComInbound> logger)
{
    private static readonly TimeZoneInfo China = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private readonly WeChatMessageCrypto _crypto = new(options.Value.Token ?? "", options.Value.EncodingAESKey ?? "", options.Value.CorpId ?? "");

    /// <summary>URL verification: the decrypted <c>echostr</c>, which WeCom expects back verbatim.</summary>
    public string VerifyUrl(string? signature, string? timestamp, string? nonce, string? echo)
    {
        CheckFresh(timestamp);
        _crypto.VerifyMessage(signature, timestamp, nonce, echo);
        return _crypto.Decrypt(echo!);
    }

    /// <summary>Reads, checks and runs one callback; throws <see cref="WeChatCryptoException"/> for a callback to refuse.</summary>
    public async Task ReceiveAsync(string? signature, string? timestamp, string? nonce, byte[] body, HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        CheckFresh(timestamp);
        var envelope = WeChatXml.Parse(Utf8(body));
        envelope.TryGetValue("Encrypt", out var encrypted);
        _crypto.VerifyMessage(signature, timestamp, nonce, encrypted);
        var message = WeChatXml.Parse(_crypto.Decrypt(encrypted!));

        var activity = await ToActivityAsync(message, request, cancellationToken);
        if (activity is null)
        {
            logger.LogDebug("WeCom callback {MsgType}/{Event} needs no turn", Field(message, "MsgType"), Field(message, "Event"));
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var processor = scope.ServiceProvider.GetRequiredService<IActivityProcessor>();
        // The platform's request is verified by its signature, as a local channel's is by being local.
        await processor.ProcessAsync(activity, AuthenticationOutcome.LocalChannel, CancellationToken.None);
    }

    private async Task<Activity?> ToActivityAsync(IReadOnlyDictionary<string, string> message, HttpRequest request, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var userId = Field(message, "FromUserName") ?? throw Malformed("FromUserName");
        var created = long.TryParse(Field(message, "CreateTime"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : throw Malformed("CreateTime");
        var user = new ChannelAccount { Id = userId, Role = "user" };
        var template = new Activity
        {
            ChannelId = WeComChannel.ChannelId,
            ServiceUrl = WeComChannel.ServiceUrl(settings),
            Timestamp = created,
            From = user,
            Recipient = WeComChannel.Bot(settings),
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
                break;
            case { } other when Field(message, "MsgId") is { Length: > 0 }:
                // Voice, video, location, links: no text to act on, but the member hears what the bot can do.
                logger.LogDebug("WeCom {MsgType} message taken as an empty message", other);
                return template with { Type = ActivityTypes.Message, Id = MsgId(message), Text = "" };
            default:
                return null;
        }

        var stamp = seconds.ToString(CultureInfo.InvariantCulture);
        switch (Field(message, "Event"))
        {
            case "subscribe":
                return template with { Type = ActivityTypes.ConversationUpdate, Id = $"subscribe-{stamp}", MembersAdded = [user] };
            case "enter_agent":
                // Members open the app many times a day; one welcome a day is enough for newcomers.
                var day = TimeZoneInfo.ConvertTime(created, China).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
                return template with { Type = ActivityTypes.ConversationUpdate, Id = $"enter-{day}", MembersAdded = [user] };
            case "template_card_event" when Field(message, "EventKey") is { Length: > 0 } command:
                // The button's key is the command it stands for: the click is that command, typed.
                return template with { Type = ActivityTypes.Message, Id = $"card-{stamp}-{Field(message, "TaskId")}", Text = command };
            default:
                return null;
        }
    }

    private async Task<Attachment> PhotoAsync(IReadOnlyDictionary<string, string> message, string userId, HttpRequest request, CancellationToken cancellationToken)
    {
        var name = $"wecom-{MsgId(message)}.jpg";
        if (Field(message, "MediaId") is { Length: > 0 } mediaId)
        {
            try
            {
                var (content, contentType) = await api.DownloadMediaAsync(mediaId, userId, cancellationToken);
                var type = contentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase) ? contentType : "image/jpeg";
                var url = await ChannelMediaApi.KeepAsync(media, request, WeComChannel.ChannelId, userId, type, content, time.GetUtcNow(), cancellationToken);
                return new Attachment { ContentType = type, ContentUrl = url, Name = name };
            }
            catch (ConnectorException ex)
            {
                logger.LogWarning("Could not download photo {MediaId} from WeCom ({StatusCode} {ErrorCode}); keeping its PicUrl", mediaId, ex.StatusCode, ex.ErrorCode);
            }
        }

        // The platform's own link is the next best evidence: it stays readable for a while.
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
