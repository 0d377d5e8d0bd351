using System.Globalization;
using ChatReport.Bot.Channels.Platform;
using ChatReport.Bot.Channels.WeChatCrypto;
using ChatReport.Bot.Storage.Channels;
using ChatReport.Dialogs.Schema;
using Microsoft.Extensions.Options;

namespace ChatReport.Bot.Channels.WeCom;

/// <summary>
/// The app's callbacks, after the endpoint has read them: every one is encrypted and signed over
/// its ciphertext with the corp's receive id. Besides follows, opening the app and clicking a
/// card's button start turns; the rest is the WeChat family's.
/// </summary>
public sealed class WeComInbound(
    IOptions<WeComOptions> options,
    WeComApiClient api,
    ChannelMediaStore media,
    IServiceScopeFactory scopes,
    TimeProvider time,
    ILogger<WeComInbound> logger)
    : WeChatFamilyInbound(media, scopes, time, logger)
{
    private static readonly TimeZoneInfo China = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private readonly WeChatMessageCrypto _crypto = new(options.Value.Token ?? "", options.Value.EncodingAESKey ?? "", options.Value.CorpId ?? "");

    public override string Name => "WeCom";

    /// <summary>An empty 200 is WeCom's "received": replies go out through the active message API.</summary>
    public override string? AcceptedBody => null;

    protected override string ChannelId => WeComChannel.ChannelId;

    protected override string ServiceUrl => WeComChannel.ServiceUrl(options.Value);

    protected override ChannelAccount Bot => WeComChannel.Bot(options.Value);

    protected override TimeSpan MaxClockSkew => options.Value.MaxClockSkew;

    /// <summary>URL verification: the decrypted <c>echostr</c>, which WeCom expects back verbatim.</summary>
    public override string VerifyUrl(WeChatFamilyCallback callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        CheckFresh(callback.Timestamp);
        _crypto.VerifyMessage(callback.MessageSignature, callback.Timestamp, callback.Nonce, callback.Echo);
        return _crypto.Decrypt(callback.Echo!);
    }

    protected override IReadOnlyDictionary<string, string> Open(WeChatFamilyCallback callback, IReadOnlyDictionary<string, string> envelope)
    {
        envelope.TryGetValue("Encrypt", out var encrypted);
        _crypto.VerifyMessage(callback.MessageSignature, callback.Timestamp, callback.Nonce, encrypted);
        return WeChatXml.Parse(_crypto.Decrypt(encrypted!));
    }

    protected override Task<(byte[] Content, string ContentType)> DownloadMediaAsync(string mediaId, string userId, CancellationToken cancellationToken) =>
        api.DownloadMediaAsync(mediaId, userId, cancellationToken);

    protected override Activity? EventActivity(IReadOnlyDictionary<string, string> message, Activity turn, DateTimeOffset created)
    {
        switch (Field(message, "Event"))
        {
            case "enter_agent":
                // Members open the app many times a day; one welcome a day is enough for newcomers.
                var day = TimeZoneInfo.ConvertTime(created, China).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
                return turn with { Type = ActivityTypes.ConversationUpdate, Id = $"enter-{day}", MembersAdded = [turn.From!] };
            case "template_card_event" when Field(message, "EventKey") is { Length: > 0 } command:
                // The button's key is the command it stands for: the click is that command, typed.
                return turn with { Type = ActivityTypes.Message, Id = $"card-{Stamp(created)}-{Field(message, "TaskId")}", Text = command };
            default:
                return base.EventActivity(message, turn, created);
        }
    }
}
