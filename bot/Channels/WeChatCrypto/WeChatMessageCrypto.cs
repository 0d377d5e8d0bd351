using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace ChatReport.Bot.Channels.WeChatCrypto;

/// <summary>
/// The message encryption WeCom and WeChat share (their WXBizMsgCrypt): SHA-1 signatures over
/// the sorted token, timestamp, nonce and ciphertext, and AES-256-CBC with the key
/// Base64(EncodingAESKey + "="), the IV its first 16 bytes, over 16 random bytes, the message
/// length (4 bytes, network order), the UTF-8 message and the receive id (WeCom's CorpId, an
/// Official Account's AppId), padded PKCS#7-style to 32-byte blocks.
/// </summary>
public sealed class WeChatMessageCrypto
{
    private const int BlockSize = 32;
    private const int RandomLength = 16;

    private readonly string _token;
    private readonly byte[] _key;
    private readonly byte[] _iv;
    private readonly byte[] _receiveId;

    public WeChatMessageCrypto(string token, string encodingAesKey, string receiveId)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(receiveId);
        _token = token;
        _key = DecodeKey(encodingAesKey);
        _iv = _key[..16];
        _receiveId = Encoding.UTF8.GetBytes(receiveId);
    }

    /// <summary>Whether <paramref name="encodingAesKey"/> is 43 characters that decode to a 32-byte key.</summary>
    public static bool IsValidKey(string? encodingAesKey)
    {
        if (encodingAesKey is not { Length: 43 })
        {
            return false;
        }

        try
        {
            DecodeKey(encodingAesKey);
            return true;
        }
        catch (WeChatCryptoException)
        {
            return false;
        }
    }

    /// <summary>Lowercase hex SHA-1 of the parts sorted ordinally and joined: the platforms' signature rule.</summary>
    public static string Sign(params string[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var sorted = (string[])parts.Clone();
        Array.Sort(sorted, StringComparer.Ordinal);
        // SHA-1 is the platforms' choice, not ours; the signature cannot be checked any other way.
#pragma warning disable CA5350
        return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(sorted))));
#pragma warning restore CA5350
    }

    /// <summary>Compares in constant time, so a forger learns nothing from how long a refusal takes.</summary>
    public static bool SignatureMatches(string? signature, params string[] parts)
    {
        if (string.IsNullOrEmpty(signature))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(parts));
        var given = Encoding.ASCII.GetBytes(signature.ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    /// <summary>The <c>msg_signature</c> of an encrypted message.</summary>
    public string SignMessage(string timestamp, string nonce, string encrypted) => Sign(_token, timestamp, nonce, encrypted);

    /// <summary>Checks a message's <c>msg_signature</c>; throws <see cref="WeChatCryptoError.SignatureMismatch"/> when it is wrong.</summary>
    public void VerifyMessage(string? signature, string? timestamp, string? nonce, string? encrypted)
    {
        if (timestamp is null || nonce is null || encrypted is null || !SignatureMatches(signature, _token, timestamp, nonce, encrypted))
        {
            throw new WeChatCryptoException(WeChatCryptoError.SignatureMismatch, "The message signature does not match.");
        }
    }

    /// <summary>Checks a plaintext-mode <c>signature</c> over the token, timestamp and nonce only.</summary>
    public static bool PlainSignatureMatches(string token, string? signature, string? timestamp, string? nonce) =>
        timestamp is not null && nonce is not null && SignatureMatches(signature, token, timestamp, nonce);

    /// <summary>Encrypts <paramref name="message"/> with fresh random bytes in front.</summary>
    public string Encrypt(string message) => Encrypt(message, RandomNumberGenerator.GetBytes(RandomLength));

    /// <summary>Encrypts with the given 16 random bytes; the published vectors fix them.</summary>
    public string Encrypt(string message, ReadOnlySpan<byte> random)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (random.Length != RandomLength)
        {
            throw new ArgumentException($"The random prefix is {RandomLength} bytes.", nameof(random));
        }

        var body = Encoding.UTF8.GetBytes(message);
        var length = RandomLength + 4 + body.Length + _receiveId.Length;
        var pad = BlockSize - (length % BlockSize);
        var plain = new byte[length + pad];
        random.CopyTo(plain);
        BinaryPrimitives.WriteUInt32BigEndian(plain.AsSpan(RandomLength), (uint)body.Length);
        body.CopyTo(plain.AsSpan(RandomLength + 4));
        _receiveId.CopyTo(plain.AsSpan(RandomLength + 4 + body.Length));
        plain.AsSpan(length).Fill((byte)pad);

        using var aes = Aes.Create();
        aes.Key = _key;
        // The 32-byte pad is not PKCS#7 as .NET knows it (at most 16), so it is added by hand.
        return Convert.ToBase64String(aes.EncryptCbc(plain, _iv, PaddingMode.None));
    }

    /// <summary>
    /// Decrypts and returns the message; throws when the ciphertext is not Base64, not whole
    /// blocks, badly padded, has a length that runs past its end, or ends in another receive id.
    /// </summary>
    public string Decrypt(string encrypted)
    {
        byte[] cipher;
        try
        {
            cipher = Convert.FromBase64String(encrypted ?? "");
        }
        catch (FormatException ex)
        {
            throw new WeChatCryptoException(WeChatCryptoError.Base64Unreadable, "The ciphertext is not Base64.", ex);
        }

        if (cipher.Length == 0 || cipher.Length % 16 != 0)
        {
            throw new WeChatCryptoException(WeChatCryptoError.DecryptFailed, "The ciphertext is not whole AES blocks.");
        }

        byte[] plain;
        using (var aes = Aes.Create())
        {
            aes.Key = _key;
            plain = aes.DecryptCbc(cipher, _iv, PaddingMode.None);
        }

        var pad = plain[^1];
        if (pad is < 1 or > BlockSize || pad > plain.Length || plain.AsSpan(plain.Length - pad).ContainsAnyExcept(pad))
        {
            throw new WeChatCryptoException(WeChatCryptoError.IllegalBuffer, "The decrypted message is not padded as the platforms pad.");
        }

        var content = plain.AsSpan(0, plain.Length - pad);
        if (content.Length < RandomLength + 4)
        {
            throw new WeChatCryptoException(WeChatCryptoError.IllegalBuffer, "The decrypted message is too short.");
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(content[RandomLength..]);
        var rest = content[(RandomLength + 4)..];
        if (length > (uint)rest.Length)
        {
            throw new WeChatCryptoException(WeChatCryptoError.IllegalBuffer, "The message length runs past the decrypted data.");
        }

        var receiveId = rest[(int)length..];
        if (!CryptographicOperations.FixedTimeEquals(receiveId, _receiveId))
        {
            throw new WeChatCryptoException(WeChatCryptoError.ReceiveIdMismatch, "The message was encrypted for another receive id.");
        }

        try
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(rest[..(int)length]);
        }
        catch (DecoderFallbackException ex)
        {
            throw new WeChatCryptoException(WeChatCryptoError.IllegalBuffer, "The message is not UTF-8.", ex);
        }
    }

    private static byte[] DecodeKey(string? encodingAesKey)
    {
        if (encodingAesKey is not { Length: 43 })
        {
            throw new WeChatCryptoException(WeChatCryptoError.IllegalAesKey, "The EncodingAESKey must be 43 characters.");
        }

        try
        {
            var key = Convert.FromBase64String(encodingAesKey + "=");
            return key.Length == 32
                ? key
                : throw new WeChatCryptoException(WeChatCryptoError.IllegalAesKey, "The EncodingAESKey does not give a 32-byte key.");
        }
        catch (FormatException ex)
        {
            throw new WeChatCryptoException(WeChatCryptoError.IllegalAesKey, "The EncodingAESKey is not Base64.", ex);
        }
    }
}
