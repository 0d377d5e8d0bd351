using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using ChatReport.Bot.Channels.WeChatCrypto;
using ChatReport.Bot.Connector;
using ChatReport.Bot.Digests;
using ChatReport.Bot.Outbox;
using ChatReport.Conversation.Domain;

namespace ChatReport.Bot.Tests.Channels;

/// <summary>The WeCom channel through the real host: real encrypted callbacks in, the loopback WeCom API stub out.</summary>
public sealed class WeComChannelTests
{
    private const string Member = "zhangsan";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UrlVerificationAnswersTheDecryptedEchostrAndNothingElse()
    {
        await using var world = await WeComWorld.CreateAsync();
        var echo = world.WeCom.Crypto.Encrypt("1288432023552776189");
        var timestamp = world.WeCom.Now;
        var signature = world.WeCom.Crypto.SignMessage(timestamp, "47744683", echo);

        using var response = await world.Client.GetAsync($"/api/wecom?msg_signature={signature}&timestamp={timestamp}&nonce=47744683&echostr={Uri.EscapeDataString(echo)}", Token);
        using var forged = await world.Client.GetAsync($"/api/wecom?msg_signature={signature}&timestamp={timestamp}&nonce=47744684&echostr={Uri.EscapeDataString(echo)}", Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("1288432023552776189", await response.Content.ReadAsStringAsync(Token));
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
    }

    [Fact]
    public async Task AMemberJoinsAndReportsWithAPhotoTheSecretaryApprovesFromTheCardAndTheDigestReachesTheGroupRobot()
    {
        await using var world = await WeComWorld.CreateAsync();
        var wecom = world.WeCom;
        WeComCallbackDriver.AssertAccepted(await wecom.EventAsync(WeComWorld.SecretaryUser, "enter_agent"));
        var webhook = $"{world.Stub.BaseAddress}cgi-bin/webhook/send?key={WeComPlatformStub.RobotKey}";
        WeComCallbackDriver.AssertAccepted(await wecom.SayAsync(WeComWorld.SecretaryUser, $"订阅日报 {webhook}"));
        var subscribed = Text(world.Stub.SentTo(WeComWorld.SecretaryUser).Last());
        Assert.Contains("山岔村党支部", subscribed, StringComparison.Ordinal);
        Assert.Contains("…5aaa", subscribed, StringComparison.Ordinal);
        Assert.DoesNotContain(WeComPlatformStub.RobotKey, subscribed, StringComparison.Ordinal);
        world.App.Time.Advance(TimeSpan.FromMinutes(1));

        WeComCallbackDriver.AssertAccepted(await wecom.EventAsync(Member, "subscribe"));
        Assert.Contains("加入", Text(Assert.Single(world.Stub.SentTo(Member))), StringComparison.Ordinal);
        WeComCallbackDriver.AssertAccepted(await wecom.SayAsync(Member, $"加入 {world.Branch.Code}"));
        WeComCallbackDriver.AssertAccepted(await wecom.SayAsync(Member, "张三"));
        Assert.Contains("欢迎张三", Text(world.Stub.SentTo(Member).Last()), StringComparison.Ordinal);
        WeComCallbackDriver.AssertAccepted(await wecom.SayAsync(Member, "申报 昨天下午在村口带头扫雪两个小时"));
        WeComCallbackDriver.AssertAccepted(await wecom.SendPhotoAsync(Member, "media-photo"));
        Assert.Contains("照片：1 张", Text(world.Stub.SentTo(Member).Last()), StringComparison.Ordinal);
        WeComCallbackDriver.AssertAccepted(await wecom.SayAsync(Member, "提交"));

        var claim = Assert.Single(await world.App.Get<IClaimBook>().ListPendingAsync(world.Branch.Unit.Id, null, Token));
        var photo = Assert.Single(claim.Attachments);
        Assert.Contains("/api/channels/media/", photo.ContentUrl, StringComparison.Ordinal);
        Assert.Equal(WeComPlatformStub.Photo, await world.Client.GetByteArrayAsync(new Uri(photo.ContentUrl!).PathAndQuery, Token));

        var card = world.Stub.SentTo(WeComWorld.SecretaryUser).Last();
        Assert.Equal("template_card", (string?)card["msgtype"]);
        var template = card["template_card"]!.AsObject();
        Assert.Equal("button_interaction", (string?)template["card_type"]);
        var approve = $"通过 {claim.Id}";
        Assert.Contains(approve, template["button_list"]!.AsArray().Select(b => (string?)b!["key"]));

        WeComCallbackDriver.AssertAccepted(await wecom.EventAsync(WeComWorld.SecretaryUser, "template_card_event", approve, (string)template["task_id"]!));

        Assert.Equal(ClaimStatus.Approved, (await world.App.Get<IClaimBook>().GetAsync(claim.Id, Token))!.Status);
        var told = Text(world.Stub.SentTo(Member).Last());
        Assert.Contains(claim.Id.ToString(CultureInfo.InvariantCulture), told, StringComparison.Ordinal);

        world.App.Time.Advance(TimeSpan.FromDays(1));
        var report = await world.App.Get<DigestDispatcher>().RunDueAsync(Token);
        await world.App.SettleAsync();

        Assert.Equal(1, report.Sent);
        var (key, post) = Assert.Single(world.Stub.RobotPosts);
        Assert.Equal(WeComPlatformStub.RobotKey, key);
        Assert.Equal("markdown", (string?)post["msgtype"]);
        Assert.Contains("张三", (string?)post["markdown"]!["content"], StringComparison.Ordinal);
        // The robot's key and the app's secret are secrets: nothing the host logged carries them.
        Assert.NotEmpty(world.Logs.Entries);
        Assert.DoesNotContain(world.Logs.Entries, e => e.Message.Contains(WeComPlatformStub.RobotKey, StringComparison.Ordinal) || e.Message.Contains(WeComPlatformStub.Secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task EveryBadCallbackIsRefusedWithA4xxAndRunsNoTurn()
    {
        await using var world = await WeComWorld.CreateAsync();
        var wecom = world.WeCom;
        var help = WeComCallbackDriver.TextXml(Member, "帮助", WeComCallbackDriver.NextMsgId(), wecom.Now);
        var encrypted = wecom.Crypto.Encrypt(help);
        var now = wecom.Now;
        var otherCorp = new WeChatMessageCrypto(WeComCallbackDriver.Token, WeComCallbackDriver.EncodingAesKey, "ww0000000000000000");
        var stale = (world.App.Time.GetUtcNow() - TimeSpan.FromHours(1)).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

        var answers = new Dictionary<string, HttpStatusCode>(StringComparer.Ordinal)
        {
            ["wrong signature"] = (await wecom.PostRawAsync(WeComCallbackDriver.Envelope(encrypted), new string('0', 40), now, "1")).StatusCode,
            ["no signature"] = (await wecom.PostRawAsync(WeComCallbackDriver.Envelope(encrypted), null, now, "1")).StatusCode,
            ["no timestamp"] = (await wecom.PostRawAsync(WeComCallbackDriver.Envelope(encrypted), wecom.Crypto.SignMessage("", "1", encrypted), null, "1")).StatusCode,
            ["stale timestamp"] = (await wecom.PostAsync(help, stale)).StatusCode,
            ["another corp's message"] = (await wecom.PostAsync(help, crypto: otherCorp)).StatusCode,
            ["body not XML"] = (await wecom.PostRawAsync("{\"Encrypt\":\"x\"}", new string('0', 40), now, "1")).StatusCode,
            ["ciphertext not Base64"] = (await wecom.PostRawAsync(WeComCallbackDriver.Envelope("%%%"), wecom.Crypto.SignMessage(now, "1", "%%%"), now, "1")).StatusCode,
            ["ciphertext not whole blocks"] = (await wecom.PostRawAsync(WeComCallbackDriver.Envelope("AAAA"), wecom.Crypto.SignMessage(now, "1", "AAAA"), now, "1")).StatusCode,
            ["message not XML"] = (await wecom.PostAsync("hello")).StatusCode,
            ["message without MsgId"] = (await wecom.PostAsync(help.Replace("<MsgId>", "<Nothing>", StringComparison.Ordinal).Replace("</MsgId>", "</Nothing>", StringComparison.Ordinal))).StatusCode,
            ["body over 64 KB"] = (await wecom.PostRawAsync(new string('x', 70_000), "0", now, "1")).StatusCode,
        };

        Assert.All(answers, answer => Assert.True((int)answer.Value is >= 400 and < 500, $"{answer.Key}: {answer.Value}"));
        Assert.Equal(HttpStatusCode.Unauthorized, answers["wrong signature"]);
        Assert.Equal(HttpStatusCode.Unauthorized, answers["stale timestamp"]);
        Assert.Equal(HttpStatusCode.BadRequest, answers["another corp's message"]);
        Assert.Equal(0, world.Stub.SendCalls);
        // The same message, well formed, does run a turn: the refusals above were about the callbacks.
        WeComCallbackDriver.AssertAccepted(await wecom.PostAsync(help));
        Assert.NotEmpty(world.Stub.SentTo(Member));
    }

    [Fact]
    public async Task ARedeliveredCallbackRunsOneTurn()
    {
        await using var world = await WeComWorld.CreateAsync();
        var msgId = WeComCallbackDriver.NextMsgId();

        WeComCallbackDriver.AssertAccepted(await world.WeCom.SayAsync(Member, "帮助", msgId));
        var answered = world.Stub.SendCalls;
        world.App.Time.Advance(TimeSpan.FromSeconds(5));
        WeComCallbackDriver.AssertAccepted(await world.WeCom.SayAsync(Member, "帮助", msgId));
        WeComCallbackDriver.AssertAccepted(await world.WeCom.SayAsync(Member, "帮助", msgId));

        Assert.True(answered > 0);
        Assert.Equal(answered, world.Stub.SendCalls);
    }

    [Fact]
    public async Task AVoiceMessageGetsAPoliteAnswerInsteadOfSilence()
    {
        await using var world = await WeComWorld.CreateAsync();

        WeComCallbackDriver.AssertAccepted(await world.WeCom.PostAsync(WeChatXml.Write(
        [
            new("ToUserName", WeComPlatformStub.CorpId), new("FromUserName", Member), new("CreateTime", world.WeCom.Now),
            new("MsgType", "voice"), new("MediaId", "media-voice"), new("Format", "amr"), new("MsgId", WeComCallbackDriver.NextMsgId()), new("AgentID", "1000002"),
        ])));

        Assert.Contains("加入", Text(Assert.Single(world.Stub.SentTo(Member))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExpiredTokenIsRefreshedOnceAndTheReplyArrives()
    {
        await using var world = await WeComWorld.CreateAsync();
        WeComCallbackDriver.AssertAccepted(await world.WeCom.SayAsync(Member, "帮助"));
        var delivered = world.Stub.Sent.Count;
        Assert.Equal(1, world.Stub.TokensIssued);

        world.Stub.ExpireToken();
        WeComCallbackDriver.AssertAccepted(await world.WeCom.SayAsync(Member, "帮助"));

        Assert.Equal(2, world.Stub.TokensIssued);
        Assert.Equal(2 * delivered, world.Stub.Sent.Count);
    }

    [Fact]
    public async Task ARateLimitedReplyIsKeptAndSentLaterFromTheOutboxAndARefusedOneIsNotRetried()
    {
        await using var world = await WeComWorld.CreateAsync();
        world.Stub.FailNextSends(45009);

        WeComCallbackDriver.AssertAccepted(await world.WeCom.SayAsync(Member, "帮助"));

        Assert.Empty(world.Stub.Sent);
        world.App.Time.Advance(TimeSpan.FromMinutes(1));
        var sent = await world.App.Get<OutboxDispatcher>().SendDueAsync(Token);
        Assert.Equal(1, sent);
        Assert.NotEmpty(world.Stub.SentTo(Member));
        Assert.Equal(0, await world.App.Get<OutboxDispatcher>().SendDueAsync(Token));
    }

    [Fact]
    public async Task WhenWeComRefusesTheTemplateCardTheReviewerGetsTheTextWithTheTypedCommands()
    {
        await using var world = await WeComWorld.CreateAsync();
        var wecom = world.WeCom;
        WeComCallbackDriver.AssertAccepted(await wecom.EventAsync(WeComWorld.SecretaryUser, "enter_agent"));
        await wecom.SayAsync(Member, $"加入 {world.Branch.Code}");
        await wecom.SayAsync(Member, "张三");
        await wecom.SayAsync(Member, "申报 昨天下午在村口带头扫雪两个小时");
        await wecom.SayAsync(Member, "跳过");
        // The member's answer and the reviewer's card leave the outbox side by side, in either order.
        world.Stub.FailNextTemplateCard(43012);

        WeComCallbackDriver.AssertAccepted(await wecom.SayAsync(Member, "提交"));

        var claim = Assert.Single(await world.App.Get<IClaimBook>().ListPendingAsync(world.Branch.Unit.Id, null, Token));
        var notice = Assert.Single(world.Stub.SentTo(WeComWorld.SecretaryUser));
        // Text a reader can act on: markdown (the channel formatter's choice for WeCom) or plain, never the card again.
        Assert.True((string?)notice["msgtype"] is "text" or "markdown", $"msgtype {notice["msgtype"]}");
        Assert.Contains($"通过 {claim.Id}", Text(notice), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AGroupRobotIsPacedToTwentyAMinuteAndABusyRobotIsATransientFailure()
    {
        await using var world = await WeComWorld.CreateAsync();
        var webhook = $"https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key={WeComPlatformStub.RobotKey}";
        await world.WeCom.SayAsync(WeComWorld.SecretaryUser, $"订阅日报 {webhook}");
        var subscription = Assert.Single(await world.App.Get<ChatReport.Bot.Storage.Channels.GroupSubscriptionStore>().ListForUnitAsync(world.Branch.Unit.Id, Token));
        // What the outbox does for a group post: hand it to the Connector client, which gives it to the WeCom sender.
        var connector = world.App.Get<ConnectorClient>();
        Task<Dialogs.Schema.ResourceResponse> PostAsync(string text) => connector.SendToConversationAsync(
            "https://wecom.chatreport.invalid/", subscription.Group.ConversationId, new Dialogs.Schema.Activity { Type = "message", ChannelId = subscription.Group.ChannelId, Text = text }, Token);
        world.Stub.FailNextRobotPosts(45009);

        var busy = await Assert.ThrowsAsync<ConnectorException>(() => PostAsync("第一条"));
        Assert.True(OutboxDispatcher.IsWorthAnotherTry(busy));
        // The refused post reached the robot, so it counts against the minute's twenty.
        for (var i = 0; i < 19; i++)
        {
            await PostAsync($"第{i}条");
        }

        // The twenty-first message of the minute waits for the first to age out.
        var waiting = PostAsync("下一分钟");
        await Task.Delay(50, Token);
        Assert.False(waiting.IsCompleted);
        Assert.Equal(19, world.Stub.RobotPosts.Count);
        world.App.Time.Advance(TimeSpan.FromMinutes(1));
        await waiting;
        Assert.Equal(20, world.Stub.RobotPosts.Count);
    }

    private static string Text(JsonObject message) =>
        (string?)message["text"]?["content"] ?? (string?)message["markdown"]?["content"] ?? message.ToJsonString();
}
