namespace ChatReport.Bot.Channels.WeChatCrypto;

/// <summary>A callback that failed verification or decryption; the endpoint answers 4xx and runs no turn.</summary>
public sealed class WeChatCryptoException : Exception
{
    public WeChatCryptoException()
    {
    }

    public WeChatCryptoException(string message)
        : base(message)
    {
    }

    public WeChatCryptoException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public WeChatCryptoException(WeChatCryptoError error, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Error = error;
    }

    public WeChatCryptoError Error { get; }
}
