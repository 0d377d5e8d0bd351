namespace ChatReport.Bot.Channels.WeChatCrypto;

/// <summary>
/// Why a callback could not be read, numbered as WeChat's and WeCom's sample libraries number
/// them (WXBizMsgCrypt), so a log line can be matched with the platforms' documentation.
/// </summary>
public enum WeChatCryptoError
{
    SignatureMismatch = -40001,
    XmlUnreadable = -40002,
    IllegalAesKey = -40004,
    ReceiveIdMismatch = -40005,
    DecryptFailed = -40007,
    IllegalBuffer = -40008,
    Base64Unreadable = -40010,
}
