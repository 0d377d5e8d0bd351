using ChatReport.Bot.Channels.Platform;
using ChatReport.Bot.Channels.WeChatCrypto;
using ChatReport.Bot.Storage.Channels;
using ChatReport.Dialogs.Schema;
using Microsoft.Extensions.Options;

namespace ChatReport.Bot.Channels.WeChat;

/// <summary>
/// The account's callbacks in plaintext or safe mode: checks the signature (in safe mode the
/// <c>msg_signature</c> over the ciphertext, never the plain one alone) and decrypts; the rest is
/// the WeChat family's.
/// </summary>
public sealed class WeChatInbound(
    IOptions<WeChatOptions> options,
    WeChatApiClient api,
    ChannelMediaStore media,
    IServiceScopeFactory scopes,
    TimeProvider time,
    ILogger<WeChatInbound> logger)
    : WeChatFamilyInbound(media, scopes, time, logger)
{
    private readonly WeChatMessageCrypto? _crypto = options.Value.SafeMode
        ? new WeChatMessageCrypto(options.Value.Token ?? "", options.Value.EncodingAESKey!, options.Value.AppId ?? "")
        : null;

    public override string Name => "WeChat";

    /// <summary>WeChat's "received, no passive reply": answers go through the customer-service message API.</summary>
    public override string? AcceptedBody => "success";

    protected override string ChannelId => WeChatChannel.ChannelId;

    protected override string ServiceUrl => WeChatChannel.ServiceUrl(options.Value);

    protected override ChannelAccount Bot => WeChatChannel.Bot(options.Value);

    protected override TimeSpan MaxClockSkew => options.Value.MaxClockSkew;

    /// <summary>Server verification: WeChat's <c>echostr</c> is plaintext and goes back as it came.</summary>
    public override string VerifyUrl(WeChatFamilyCallback callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        CheckFresh(callback.Timestamp);
        if (callback.Echo is null || !WeChatMessageCrypto.PlainSignatureMatches(options.Value.Token ?? "", callback.Signature, callback.Timestamp, callback.Nonce))
        {
            throw new WeChatCryptoException(WeChatCryptoError.SignatureMismatch, "The signature does not match.");
        }

        return callback.Echo;
    }

    protected override IReadOnlyDictionary<string, string> Open(WeChatFamilyCallback callback, IReadOnlyDictionary<string, string> envelope)
    {
        if (_crypto is not null)
        {
            // Safe mode: only the ciphertext's own signature vouches for it.
            if (!string.Equals(callback.EncryptType, "aes", StringComparison.Ordinal) || !envelope.TryGetValue("Encrypt", out var encrypted))
            {
                throw new WeChatCryptoException(WeChatCryptoError.SignatureMismatch, "Safe mode takes encrypted callbacks only.");
            }

            _crypto.VerifyMessage(callback.MessageSignature, callback.Timestamp, callback.Nonce, encrypted);
            return WeChatXml.Parse(_crypto.Decrypt(encrypted));
        }

        if (!WeChatMessageCrypto.PlainSignatureMatches(options.Value.Token ?? "", callback.Signature, callback.Timestamp, callback.Nonce))
        {
            throw new WeChatCryptoException(WeChatCryptoError.SignatureMismatch, "The signature does not match.");
        }

        return envelope;
    }

    protected override Task<(byte[] Content, string ContentType)> DownloadMediaAsync(string mediaId, string userId, CancellationToken cancellationToken) =>
        api.DownloadMediaAsync(mediaId, userId, cancellationToken);
}
