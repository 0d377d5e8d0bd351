using System.Text.Json;
using ChatReport.Bot.Channels.WeChatCrypto;
using ChatReport.Bot.Tests.DirectLine;

namespace ChatReport.Bot.Tests.Channels;

/// <summary>
/// Our crypto against npm wechat-crypto, which we did not write (tests/wechat-crypto): it
/// decrypts and verifies what we encrypted and signed, and we decrypt and verify what it did.
/// </summary>
[Collection(nameof(RunsAlone))]
public sealed class WeChatCryptoInteropTests
{
    [Fact]
    public async Task WechatCryptoAndChatReportReadEachOthersMessagesBothWays()
    {
        var folder = Directory.CreateTempSubdirectory("chatreport-crypto-").FullName;
        try
        {
            var cases = new[]
            {
                Case("QDG6eK", "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C", "wx5823bf96d3bd56c7", "<xml><Content><![CDATA[hello]]></Content></xml>"),
                Case("hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo", "6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt", "ww1436e0e65a779aee", "<xml><Content><![CDATA[申报 昨天下午在村口带头扫雪两个小时]]></Content></xml>"),
                // FullStr is exactly 64 bytes: the pad must be a whole extra block of 32.
                Case("AAAAA", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "wxba5fad812f8e6fb9", new string('x', 64 - 16 - 4 - 18)),
                Case("AAAAA", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "wxba5fad812f8e6fb9", ""),
            };
            var input = Path.Combine(folder, "in.json");
            var output = Path.Combine(folder, "out.json");
            await File.WriteAllTextAsync(input, JsonSerializer.Serialize(cases), TestContext.Current.CancellationToken);

            var (exitCode, log) = await NodeTestRun.RunAsync(
                NodeTestRun.TestsFolder("wechat-crypto"),
                "interop.test.mjs",
                new Dictionary<string, string>(StringComparer.Ordinal) { ["CHATREPORT_CRYPTO_IN"] = input, ["CHATREPORT_CRYPTO_OUT"] = output },
                TestContext.Current.CancellationToken);

            Assert.True(exitCode == 0, $"node --test interop.test.mjs exited with {exitCode}:\n{log}");
            Assert.Contains("pass 2", log, StringComparison.Ordinal);
            var produced = JsonSerializer.Deserialize<InteropCase[]>(await File.ReadAllTextAsync(output, TestContext.Current.CancellationToken))!;
            Assert.Equal(cases.Length, produced.Length);
            foreach (var (ours, theirs) in cases.Zip(produced))
            {
                Assert.NotEqual(ours.Encrypted, theirs.Encrypted);
                var crypto = new WeChatMessageCrypto(theirs.Token, theirs.Key, theirs.ReceiveId);
                crypto.VerifyMessage(theirs.Signature, theirs.Timestamp, theirs.Nonce, theirs.Encrypted);
                Assert.Equal(ours.Message, crypto.Decrypt(theirs.Encrypted));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static InteropCase Case(string token, string key, string receiveId, string message)
    {
        var crypto = new WeChatMessageCrypto(token, key, receiveId);
        var encrypted = crypto.Encrypt(message);
        return new InteropCase(token, key, receiveId, message, "1409659813", "1372623149", encrypted, crypto.SignMessage("1409659813", "1372623149", encrypted));
    }

    public sealed record InteropCase(
        [property: System.Text.Json.Serialization.JsonPropertyName("token")] string Token,
        [property: System.Text.Json.Serialization.JsonPropertyName("key")] string Key,
        [property: System.Text.Json.Serialization.JsonPropertyName("receiveId")] string ReceiveId,
        [property: System.Text.Json.Serialization.JsonPropertyName("message")] string Message,
        [property: System.Text.Json.Serialization.JsonPropertyName("timestamp")] string Timestamp,
        [property: System.Text.Json.Serialization.JsonPropertyName("nonce")] string Nonce,
        [property: System.Text.Json.Serialization.JsonPropertyName("encrypted")] string Encrypted,
        [property: System.Text.Json.Serialization.JsonPropertyName("signature")] string Signature);
}
