using System.Net;
using ChatReport.Bot.Channels.DingTalk;
using ChatReport.Bot.Storage.Channels;
using ChatReport.Bot.Storage.Connections;
using Microsoft.Extensions.DependencyInjection;

namespace ChatReport.Bot.Tests.DingTalk;

/// <summary>POST /api/dingtalk: what is refused (a 4xx and no turn) and what runs once.</summary>
public sealed class DingTalkCallbackTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    // DT-1 and DT-2 of docs/chinese-channels.md: computed with Python's hmac and OpenSSL.
    [Theory]
    [InlineData("1577262236757", "this is secret", "hmPWwU+7lVdm3ZZz0r9tSfx0L4Q26jWOZr9+Gs6EZQM=")]
    [InlineData("1700000000000", "测试secret", "QoNzZ2SrZYtph9TSe02EwgrtwA8Wy/bufNou/wetdP8=")]
    public void TheSignatureMatchesTheKnownAnswers(string timestamp, string secret, string expected) =>
        Assert.Equal(expected, DingTalkSignature.Compute(timestamp, secret));

    [Fact]
    public void ASignatureAnHourAndAMillisecondOldIsRefusedAndAnHourOldIsNot()
    {
        var now = DateTimeOffset.FromUnixTimeMilliseconds(1577262236757);
        var hourAgo = DingTalkSignature.Timestamp(now - TimeSpan.FromHours(1));
        var tooOld = DingTalkSignature.Timestamp(now - TimeSpan.FromHours(1) - TimeSpan.FromMilliseconds(1));

        Assert.Null(DingTalkSignature.Check(hourAgo, DingTalkSignature.Compute(hourAgo, "s"), "s", now));
        Assert.NotNull(DingTalkSignature.Check(tooOld, DingTalkSignature.Compute(tooOld, "s"), "s", now));
        // Headers carry raw Base64; a URL-encoded sign is a different string.
        Assert.NotNull(DingTalkSignature.Check(hourAgo, Uri.EscapeDataString(DingTalkSignature.Compute(hourAgo, "s")), "s", now));
    }

    [Fact]
    public async Task AValidCallbackRunsATurnAndTheAnswerGoesThroughTheSessionWebhook()
    {
        await using var world = await DingTalkWorld.CreateAsync();

        var replies = await world.SayAsync("zhangsan", "张三", "帮助");

        var reply = Assert.Single(replies);
        Assert.Equal(("session", DingTalkWorld.Session(DingTalkWorld.PrivateChat("zhangsan"))), (reply.Route, reply.Target));
        Assert.Contains("加入", reply.Text, StringComparison.Ordinal);
    }

    public static TheoryData<string, int> BadCallbacks => new()
    {
        { "wrong-sign", 401 },
        { "stale", 401 },
        { "future", 401 },
        { "no-headers", 401 },
        { "url-encoded-sign", 401 },
        { "other-robot", 403 },
        { "malformed-json", 400 },
        { "json-array", 400 },
        { "no-msgid", 400 },
        { "bad-conversation-type", 400 },
    };

    [Theory]
    [MemberData(nameof(BadCallbacks))]
    public async Task ABadCallbackIsRefusedAndRunsNoTurn(string kind, int status)
    {
        await using var world = await DingTalkWorld.CreateAsync();
        var now = world.App.Time.GetUtcNow();
        var callback = world.Message("zhangsan", "张三", "帮助");
        var body = callback.ToJsonString();
        (string, string)? headers = DingTalkWorld.SignedAt(now);
        switch (kind)
        {
            case "wrong-sign":
                headers = (headers.Value.Item1, DingTalkSignature.Compute(headers.Value.Item1, "another app's secret"));
                break;
            case "stale":
                headers = DingTalkWorld.SignedAt(now - TimeSpan.FromMinutes(61));
                break;
            case "future":
                headers = DingTalkWorld.SignedAt(now + TimeSpan.FromMinutes(61));
                break;
            case "no-headers":
                headers = null;
                break;
            case "url-encoded-sign":
                headers = (headers.Value.Item1, Uri.EscapeDataString(headers.Value.Item2) + "%2B");
                break;
            case "other-robot":
                callback["robotCode"] = "dingotherrobot";
                body = callback.ToJsonString();
                break;
            case "malformed-json":
                body = body[..^3];
                break;
            case "json-array":
                body = "[" + body + "]";
                break;
            case "no-msgid":
                callback.Remove("msgId");
                body = callback.ToJsonString();
                break;
            case "bad-conversation-type":
                callback["conversationType"] = "3";
                body = callback.ToJsonString();
                break;
        }

        using var response = await world.PostAsync(body, headers);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Empty(world.Stub.Messages);
        Assert.Null(await world.App.Get<DingTalkStore>().FindConversationAsync(DingTalkWorld.PrivateChat("zhangsan"), Token));
        await using var connection = await world.App.Get<SqliteConnectionFactory>().OpenAsync(Token);
        Assert.Equal(0L, await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, "SELECT COUNT(*) FROM processed_activities"));
    }

    [Fact]
    public async Task ARedeliveredCallbackRunsOneTurn()
    {
        await using var world = await DingTalkWorld.CreateAsync();
        var callback = world.Message("zhangsan", "张三", "帮助");

        using var first = await world.PostAsync(callback);
        using var second = await world.PostAsync(callback);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        Assert.Single(world.Stub.Messages);
    }

    [Theory]
    [InlineData("audio")]
    [InlineData("file")]
    [InlineData("picture")]
    public async Task AMessageWithNothingTheBotCanReadIsAcknowledgedWithoutAnError(string msgType)
    {
        await using var world = await DingTalkWorld.CreateAsync();

        // A picture whose content is missing, and kinds the bot does not read.
        using var response = await world.PostAsync(world.Message("zhangsan", "张三", null, msgType: msgType));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(await world.App.Get<DingTalkStore>().FindConversationAsync(DingTalkWorld.PrivateChat("zhangsan"), Token));
    }

    [Fact]
    public async Task TheChannelIsOffWithoutAnAppKey()
    {
        await using var app = new Support.ChatReportApplication();
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/api/dingtalk", new StringContent("{}"), Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(app.Services.GetServices<ChatReport.Bot.Connector.IChannelSender>(), s => s.ChannelId == "dingtalk");
    }
}
