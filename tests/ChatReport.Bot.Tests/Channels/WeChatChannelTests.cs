using System.Globalization;
using System.Net;
using System.Text;
using ChatReport.Bot.Channels.WeChatCrypto;
using ChatReport.Bot.Connector;
using ChatReport.Bot.Outbox;
using ChatReport.Bot.Tests.Support;

namespace ChatReport.Bot.Tests.Channels;

/// <summary>The Official Account channel through the real host, in plaintext and in safe mode, against the loopback API stub.</summary>
public sealed class WeChatChannelTests
{
    private const string Token = "AAAAA";
    private const string Key = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    private const string Follower = "o9AgO5Kd5ggOC-bXrbNODIiE3bGY";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ServerVerificationEchoesTheEchostrOnlyForTheRightSignature()
    {
        await using var stub = await WeChatPlatformStub.StartAsync(Cancel);
        await using var app = App(stub, safeMode: false);
        using var client = app.CreateClient();
        var timestamp = Now(app);
        var signature = WeChatMessageCrypto.Sign(Token, timestamp, "1514711492");

        using var good = await client.GetAsync($"/api/wechat?signature={signature}&timestamp={timestamp}&nonce=1514711492&echostr=4375120948345356249", Cancel);
        using var forged = await client.GetAsync($"/api/wechat?signature={signature}&timestamp={timestamp}&nonce=1514711493&echostr=4375120948345356249", Cancel);

        Assert.Equal("4375120948345356249", await good.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
    }

    [Fact]
    public async Task InPlaintextModeAFollowerIsWelcomedAndAnsweredOncePerMessage()
    {
        await using var stub = await WeChatPlatformStub.StartAsync(Cancel);
        await using var app = App(stub, safeMode: false);
        using var client = app.CreateClient();

        var subscribed = await PostPlainAsync(app, client, Event("subscribe", Now(app)));
        var msgId = "23456789012345678";
        var first = await PostPlainAsync(app, client, Text("帮助", msgId, Now(app)));
        var afterFirst = stub.SentTo(Follower).Count();
        var again = await PostPlainAsync(app, client, Text("帮助", msgId, Now(app)));
        var forged = await PostRawAsync(client, Text("帮助", "23456789012345679", Now(app)), $"signature={new string('0', 40)}&timestamp={Now(app)}&nonce=1");

        Assert.Equal(("success", "success", "success"), (subscribed, first, again));
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        var sent = stub.SentTo(Follower).ToList();
        Assert.Contains("加入", (string?)sent[0]["text"]!["content"], StringComparison.Ordinal);
        Assert.True(afterFirst > 1);
        Assert.Equal(afterFirst, sent.Count);
    }

    [Fact]
    public async Task InSafeModeOnlyTheCiphertextsOwnSignatureIsAccepted()
    {
        await using var stub = await WeChatPlatformStub.StartAsync(Cancel);
        await using var app = App(stub, safeMode: true);
        using var client = app.CreateClient();
        var crypto = new WeChatMessageCrypto(Token, Key, WeChatPlatformStub.AppId);
        var timestamp = Now(app);
        var encrypted = crypto.Encrypt(Text("帮助", "33456789012345678", timestamp));
        var body = WeChatXml.Write([new("ToUserName", "gh_97417a04a28d"), new("Encrypt", encrypted)]);
        var plainSignature = WeChatMessageCrypto.Sign(Token, timestamp, "415670741");

        var plainOnly = await PostRawAsync(client, body, $"signature={plainSignature}&timestamp={timestamp}&nonce=415670741&openid={Follower}");
        var plaintextBody = await PostRawAsync(client, Text("帮助", "33456789012345679", timestamp), $"signature={plainSignature}&timestamp={timestamp}&nonce=415670741&openid={Follower}");
        Assert.Empty(stub.Sent);
        var accepted = await PostRawAsync(client, body, $"signature={plainSignature}&timestamp={timestamp}&nonce=415670741&openid={Follower}&encrypt_type=aes&msg_signature={crypto.SignMessage(timestamp, "415670741", encrypted)}");

        Assert.Equal(HttpStatusCode.Unauthorized, plainOnly.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, plaintextBody.StatusCode);
        Assert.Equal("success", await accepted.Content.ReadAsStringAsync(Cancel));
        Assert.NotEmpty(stub.SentTo(Follower));
    }

    [Fact]
    public async Task AMessageOutsideTheFortyEightHourWindowIsAFinalFailureWithItsReason()
    {
        await using var stub = await WeChatPlatformStub.StartAsync(Cancel);
        await using var app = App(stub, safeMode: false);
        stub.WindowClosed[Follower] = true;
        var notice = new Dialogs.Schema.Activity { Type = "message", ChannelId = "wechat", Text = "您申报的第 12 条已通过" };

        var failure = await Assert.ThrowsAsync<ConnectorException>(() => app.Get<ConnectorClient>().SendToConversationAsync("https://wechat.chatreport.invalid/x/", Follower, notice, Cancel));

        Assert.Equal((403, "45015"), (failure.StatusCode, failure.ErrorCode));
        Assert.Contains("48-hour", failure.Message, StringComparison.Ordinal);
        Assert.False(OutboxDispatcher.IsWorthAnotherTry(failure));
        Assert.Empty(stub.Sent);
    }

    private static ChatReportApplication App(WeChatPlatformStub stub, bool safeMode) => new ChatReportApplication()
        .WithSetting("WeChat:AppId", WeChatPlatformStub.AppId)
        .WithSetting("WeChat:AppSecret", WeChatPlatformStub.AppSecret)
        .WithSetting("WeChat:Token", Token)
        .WithSetting("WeChat:EncodingAESKey", safeMode ? Key : "")
        .WithSetting("WeChat:ApiBaseUrl", stub.BaseAddress.AbsoluteUri);

    private static string Now(ChatReportApplication app) => app.Time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private static string Text(string content, string msgId, string createTime) => WeChatXml.Write(
    [
        new("ToUserName", "gh_97417a04a28d"), new("FromUserName", Follower), new("CreateTime", createTime),
        new("MsgType", "text"), new("Content", content), new("MsgId", msgId),
    ]);

    private static string Event(string name, string createTime) => WeChatXml.Write(
    [
        new("ToUserName", "gh_97417a04a28d"), new("FromUserName", Follower), new("CreateTime", createTime),
        new("MsgType", "event"), new("Event", name),
    ]);

    private static async Task<string> PostPlainAsync(ChatReportApplication app, HttpClient client, string xml)
    {
        var timestamp = Now(app);
        var nonce = Random.Shared.Next().ToString(CultureInfo.InvariantCulture);
        using var response = await PostRawAsync(client, xml, $"signature={WeChatMessageCrypto.Sign(Token, timestamp, nonce)}&timestamp={timestamp}&nonce={nonce}&openid={Follower}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Cancel);
    }

    private static Task<HttpResponseMessage> PostRawAsync(HttpClient client, string body, string query) =>
        client.PostAsync($"/api/wechat?{query}", new StringContent(body, Encoding.UTF8, "text/xml"), Cancel);
}
