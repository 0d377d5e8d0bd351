using System.Globalization;
using System.Net;
using System.Text;
using ChatReport.Bot.Channels.WeChatCrypto;
using ChatReport.Bot.Tests.Support;

namespace ChatReport.Bot.Tests.Channels;

/// <summary>
/// Plays WeCom's side of the callback: encrypts and signs messages for the stub corp with the
/// test Token and EncodingAESKey, at the app's (fake) time, and POSTs them to /api/wecom.
/// </summary>
public sealed class WeComCallbackDriver(ChatReportApplication app, HttpClient client)
{
    public const string Token = "hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo";
    public const string EncodingAesKey = "6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt";

    private static long s_msgId = 4561255354251345000;

    public WeChatMessageCrypto Crypto { get; } = new(Token, EncodingAesKey, WeComPlatformStub.CorpId);

    public static string NextMsgId() => Interlocked.Increment(ref s_msgId).ToString(CultureInfo.InvariantCulture);

    public string Now => app.Time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    public static string TextXml(string user, string content, string msgId, string createTime) => WeChatXml.Write(
    [
        new("ToUserName", WeComPlatformStub.CorpId), new("FromUserName", user), new("CreateTime", createTime),
        new("MsgType", "text"), new("Content", content), new("MsgId", msgId), new("AgentID", "1000002"),
    ]);

    public Task<HttpResponseMessage> SayAsync(string user, string content, string? msgId = null) =>
        PostAsync(TextXml(user, content, msgId ?? NextMsgId(), Now));

    public Task<HttpResponseMessage> SendPhotoAsync(string user, string mediaId) => PostAsync(WeChatXml.Write(
    [
        new("ToUserName", WeComPlatformStub.CorpId), new("FromUserName", user), new("CreateTime", Now),
        new("MsgType", "image"), new("PicUrl", "http://127.0.0.1:1/photo.jpg"), new("MediaId", mediaId), new("MsgId", NextMsgId()), new("AgentID", "1000002"),
    ]));

    public Task<HttpResponseMessage> EventAsync(string user, string name, string eventKey = "", string taskId = "") => PostAsync(WeChatXml.Write(
    [
        new("ToUserName", WeComPlatformStub.CorpId), new("FromUserName", user), new("CreateTime", Now),
        new("MsgType", "event"), new("Event", name), new("EventKey", eventKey), new("TaskId", taskId), new("CardType", "button_interaction"), new("AgentID", "1000002"),
    ]));

    /// <summary>Encrypts and signs <paramref name="plainXml"/> and posts it, as WeCom does.</summary>
    public Task<HttpResponseMessage> PostAsync(string plainXml, string? timestamp = null, WeChatMessageCrypto? crypto = null)
    {
        var encrypted = (crypto ?? Crypto).Encrypt(plainXml);
        var stamp = timestamp ?? Now;
        var nonce = Random.Shared.Next(1, int.MaxValue).ToString(CultureInfo.InvariantCulture);
        var signature = (crypto ?? Crypto).SignMessage(stamp, nonce, encrypted);
        return PostRawAsync(Envelope(encrypted), signature, stamp, nonce);
    }

    public static string Envelope(string encrypted) => WeChatXml.Write(
        [new("ToUserName", WeComPlatformStub.CorpId), new("AgentID", "1000002"), new("Encrypt", encrypted)]);

    public Task<HttpResponseMessage> PostRawAsync(string body, string? signature, string? timestamp, string? nonce)
    {
        var query = new List<string>();
        if (signature is not null)
        {
            query.Add($"msg_signature={Uri.EscapeDataString(signature)}");
        }

        if (timestamp is not null)
        {
            query.Add($"timestamp={Uri.EscapeDataString(timestamp)}");
        }

        if (nonce is not null)
        {
            query.Add($"nonce={Uri.EscapeDataString(nonce)}");
        }

        return client.PostAsync($"/api/wecom?{string.Join('&', query)}", new StringContent(body, Encoding.UTF8, "text/xml"), TestContext.Current.CancellationToken);
    }

    public static void AssertAccepted(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, response.Content.Headers.ContentLength ?? 0);
    }
}
