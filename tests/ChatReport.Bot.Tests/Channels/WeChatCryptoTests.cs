using System.Text;
using ChatReport.Bot.Channels.WeChatCrypto;

namespace ChatReport.Bot.Tests.Channels;

/// <summary>The platforms' published examples (shared/docs/chinese-channels.md §6) and every way a callback can be wrong.</summary>
public sealed class WeChatCryptoTests
{
    private const string Wc1Token = "QDG6eK";
    private const string Wc1Key = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    private const string Wc1ReceiveId = "wx5823bf96d3bd56c7";
    private const string Wc1Encrypt = "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==";
    private const string Wc3Token = "hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo";
    private const string Wc3Key = "6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt";
    private const string Wc3ReceiveId = "ww1436e0e65a779aee";
    private const string Wc4Encrypt = "Kl7kjoSf6DMD1zh7rtrHjFaDapSCkaOnwu3bqLc5tAybhhMl9pFeK8NslNPVdMwmBQTNoW4mY7AIjeLvEl3NyeTkAgGzBhzTtRLNshw2AEew+kkYcD+Fq72Kt00fT0WnN87hGrW8SqGc+NcT3mu87Ha3dz1pSDi6GaUA6A0sqfde0VJPQbZ9U+3JWcoD4Z5jaU0y9GSh010wsHF8KZD24YhmZH4ch4Ka7ilEbjbfvhKkNL65HHL0J6EYJIZUC2pFrdkJ7MhmEbU2qARR4iQHE7wy24qy0cRX3Mfp6iELcDNfSsPGjUQVDGxQDCWjayJOpcwocugux082f49HKYg84EpHSGXAyh+/oxwaWbvL6aSDPOYuPDGOCI8jmnKiypE+";
    private const string WxKey = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    private const string WxAppId = "wxba5fad812f8e6fb9";
    private const string Wx3Encrypt = "+qdx1OKCy+5JPCBFWw70tm0fJGb2Jmeia4FCB7kao+/Q5c/ohsOzQHi8khUOb05JCpj0JB4RvQMkUyus8TPxLKJGQqcvZqzDpVzazhZv6JsXUnnR8XGT740XgXZUXQ7vJVnAG+tE8NUd4yFyjPy7GgiaviNrlCTj+l5kdfMuFUPpRSrfMZuMcp3Fn2Pede2IuQrKEYwKSqFIZoNqJ4M8EajAsjLY2km32IIjdf8YL/P50F7mStwntrA2cPDrM1kb6mOcfBgRtWygb3VIYnSeOBrebufAlr7F9mFUPAJGj04=";

    [Fact]
    public void VectorWc1SignsAndDecryptsTheWeComExampleMessage()
    {
        var crypto = new WeChatMessageCrypto(Wc1Token, Wc1Key, Wc1ReceiveId);

        crypto.VerifyMessage("477715d11cdb4164915debcba66cb864d751f3e6", "1409659813", "1372623149", Wc1Encrypt);
        var message = crypto.Decrypt(Wc1Encrypt);

        var expected = string.Join('\n',
            "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>",
            "<FromUserName><![CDATA[mycreate]]></FromUserName>",
            "<CreateTime>1409659813</CreateTime>",
            "<MsgType><![CDATA[text]]></MsgType>",
            "<Content><![CDATA[hello]]></Content>",
            "<MsgId>4561255354251345929</MsgId>",
            "<AgentID>218</AgentID>",
            "</xml>");
        Assert.Equal(expected, message);
        Assert.Equal(284, Encoding.UTF8.GetByteCount(message));
        var fields = WeChatXml.Parse(message);
        Assert.Equal("hello", fields["Content"]);
        Assert.Equal("4561255354251345929", fields["MsgId"]);
    }

    [Fact]
    public void VectorWc1ReEncryptsByteForByteWithTheSameRandomPrefix()
    {
        var crypto = new WeChatMessageCrypto(Wc1Token, Wc1Key, Wc1ReceiveId);
        var message = crypto.Decrypt(Wc1Encrypt);

        Assert.Equal(Wc1Encrypt, crypto.Encrypt(message, Encoding.ASCII.GetBytes("0960688932c47ef1")));
    }

    [Theory]
    [InlineData(Wc1Token, Wc1Key, Wc1ReceiveId, "1409659589", "263014780", "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==", "5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3", "1616140317555161061")]
    [InlineData(Wc3Token, Wc3Key, Wc3ReceiveId, "1476416373", "47744683", "fsi1xnbH4yQh0+PJxcOdhhK6TDXkjMyhEPA7xB2TGz6b+g7xyAbEkRxN/3cNXW9qdqjnoVzEtpbhnFyq6SVHyA==", "012bc692d0a58dd4b10f8dfe5c4ac00ae211ebeb", "1288432023552776189")]
    public void VectorsWc2AndWc3VerifyTheCallbackUrl(string token, string key, string receiveId, string timestamp, string nonce, string echo, string signature, string plain)
    {
        var crypto = new WeChatMessageCrypto(token, key, receiveId);

        crypto.VerifyMessage(signature, timestamp, nonce, echo);
        Assert.Equal(plain, crypto.Decrypt(echo));
    }

    [Fact]
    public void VectorWc4DecryptsChineseCountingBytesNotCharacters()
    {
        var crypto = new WeChatMessageCrypto(Wc3Token, Wc3Key, Wc3ReceiveId);

        crypto.VerifyMessage("0c3914025cb4b4d68103f6bfc8db550f79dcf48e", "1476422779", "1597212914", Wc4Encrypt);
        var message = crypto.Decrypt(Wc4Encrypt);

        Assert.Equal(228, Encoding.UTF8.GetByteCount(message));
        var fields = WeChatXml.Parse(message);
        Assert.Equal("你好", fields["Content"]);
        Assert.Equal("ChenJiaShun", fields["FromUserName"]);
        Assert.Equal("1000002", fields["AgentID"]);
    }

    [Fact]
    public void VectorsWx1AndWx2CheckPlaintextModeSignatures()
    {
        Assert.True(WeChatMessageCrypto.PlainSignatureMatches("AAAAA", "f464b24fc39322e44b38aa78f5edd27bd1441696", "1714036504", "1514711492"));
        Assert.True(WeChatMessageCrypto.PlainSignatureMatches("AAAAA", "899cf89e464efb63f54ddac96b0a0a235f53aa78", "1714037059", "486452656"));
        Assert.False(WeChatMessageCrypto.PlainSignatureMatches("AAAAA", "899cf89e464efb63f54ddac96b0a0a235f53aa78", "1714037060", "486452656"));
    }

    [Fact]
    public void VectorWx3DecryptsTheOfficialAccountExampleAndItsPlainSignatureIsNotEnough()
    {
        var crypto = new WeChatMessageCrypto("AAAAA", WxKey, WxAppId);

        crypto.VerifyMessage("046e02f8204d34f8ba5fa3b1db94908f3df2e9b3", "1714112445", "415670741", Wx3Encrypt);
        var message = crypto.Decrypt(Wx3Encrypt);

        Assert.StartsWith("{\"ToUserName\":\"gh_97417a04a28d\"", message, StringComparison.Ordinal);
        Assert.Equal(167, Encoding.UTF8.GetByteCount(message));
        // The plaintext-mode signature is valid too, but it does not cover the ciphertext.
        Assert.True(WeChatMessageCrypto.PlainSignatureMatches("AAAAA", "6c5c811b55cc85e0e1b54100749188c20beb3f5d", "1714112445", "415670741"));
        var error = Assert.Throws<WeChatCryptoException>(() => crypto.VerifyMessage("6c5c811b55cc85e0e1b54100749188c20beb3f5d", "1714112445", "415670741", Wx3Encrypt));
        Assert.Equal(WeChatCryptoError.SignatureMismatch, error.Error);
    }

    [Fact]
    public void VectorWx4EncryptsTheReplyByteForByte()
    {
        var crypto = new WeChatMessageCrypto("AAAAA", WxKey, WxAppId);

        var encrypted = crypto.Encrypt("{\"demo_resp\":\"good luck\"}", Encoding.ASCII.GetBytes("707722b803182950"));

        Assert.Equal("ELGduP2YcVatjqIS+eZbp80MNLoAUWvzzyJxgGzxZO/5sAvd070Bs6qrLARC9nVHm48Y4hyRbtzve1L32tmxSQ==", encrypted);
        Assert.Equal("1b9339964ed2e271e7c7b6ff2b0ef902fc94dea1", crypto.SignMessage("1713424427", "415670741", encrypted));
    }

    [Fact]
    public void AFlippedCharacterFailsTheSignatureBeforeAnyDecryption()
    {
        var crypto = new WeChatMessageCrypto(Wc1Token, Wc1Key, Wc1ReceiveId);
        var flipped = "S" + Wc1Encrypt[1..];

        var error = Assert.Throws<WeChatCryptoException>(() => crypto.VerifyMessage("477715d11cdb4164915debcba66cb864d751f3e6", "1409659813", "1372623149", flipped));

        Assert.Equal(WeChatCryptoError.SignatureMismatch, error.Error);
    }

    [Fact]
    public void AMessageForAnotherReceiveIdIsRefused()
    {
        var crypto = new WeChatMessageCrypto(Wc1Token, Wc1Key, "ww000");

        var error = Assert.Throws<WeChatCryptoException>(() => crypto.Decrypt(Wc1Encrypt));

        Assert.Equal(WeChatCryptoError.ReceiveIdMismatch, error.Error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2CX")]
    [InlineData("jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2!")]
    public void KeysThatAreNot43Base64CharactersAreRefused(string key)
    {
        Assert.False(WeChatMessageCrypto.IsValidKey(key));
        var error = Assert.Throws<WeChatCryptoException>(() => new WeChatMessageCrypto("t", key, "id"));
        Assert.Equal(WeChatCryptoError.IllegalAesKey, error.Error);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(33)]
    public void PadValuesOutsideOneToThirtyTwoAreRefused(int pad)
    {
        var crypto = new WeChatMessageCrypto(Wc1Token, Wc1Key, Wc1ReceiveId);
        var key = Convert.FromBase64String(Wc1Key + "=");
        var plain = new byte[64];
        plain.AsSpan(60).Fill((byte)pad);
        using var aes = System.Security.Cryptography.Aes.Create();
        aes.Key = key;
        var forged = Convert.ToBase64String(aes.EncryptCbc(plain, key.AsSpan(0, 16), System.Security.Cryptography.PaddingMode.None));

        var error = Assert.Throws<WeChatCryptoException>(() => crypto.Decrypt(forged));

        Assert.Equal(WeChatCryptoError.IllegalBuffer, error.Error);
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("AAAA")]
    [InlineData("")]
    public void CiphertextThatIsNotWholeBlocksOfBase64IsRefused(string encrypted)
    {
        var crypto = new WeChatMessageCrypto(Wc1Token, Wc1Key, Wc1ReceiveId);

        Assert.Throws<WeChatCryptoException>(() => crypto.Decrypt(encrypted));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("申报 昨天下午在村口带头扫雪两个小时")]
    [InlineData("exactly thirty-two bytes long!!!")]
    public void WhatWeEncryptWeDecrypt(string message)
    {
        var crypto = new WeChatMessageCrypto(Wc1Token, Wc1Key, Wc1ReceiveId);

        Assert.Equal(message, crypto.Decrypt(crypto.Encrypt(message)));
    }

    [Fact]
    public void XmlWithADoctypeIsRefused()
    {
        const string xxe = "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><xml><Content>&e;</Content></xml>";

        var error = Assert.Throws<WeChatCryptoException>(() => WeChatXml.Parse(xxe));

        Assert.Equal(WeChatCryptoError.XmlUnreadable, error.Error);
    }

    [Fact]
    public void WrittenXmlReadsBackIncludingCdataTerminators()
    {
        var xml = WeChatXml.Write([new("ToUserName", "zhang"), new("CreateTime", "1409659813"), new("Content", "a]]>b")]);

        var fields = WeChatXml.Parse(xml);

        Assert.Equal("a]]>b", fields["Content"]);
        Assert.Equal("1409659813", fields["CreateTime"]);
    }
}
