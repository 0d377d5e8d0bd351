using System.Net;
using ChatReport.Bot.Channels.DingTalk;
using ChatReport.Bot.Outbox;
using ChatReport.Dialogs.Schema;

namespace ChatReport.Bot.Tests.DingTalk;

/// <summary>How replies leave: session webhook, send APIs, token refresh, throttling.</summary>
public sealed class DingTalkSendTests
{
    private static readonly System.Text.Json.JsonSerializerOptions WebJson = new(System.Text.Json.JsonSerializerDefaults.Web);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AReplyToAMessageWhoseSessionWebhookHasExpiredGoesThroughTheSendToUsersApi()
    {
        await using var world = await DingTalkWorld.CreateAsync();

        using var response = await world.PostAsync(world.Message("zhangsan", "张三", "帮助", sessionLife: TimeSpan.FromMinutes(-1)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(world.Stub.Messages);
        Assert.Equal(("user", "zhangsan"), (reply.Route, reply.Target));
        Assert.Contains("加入", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASessionWebhookThatRefusesFallsBackToTheSendToGroupApi()
    {
        await using var world = await DingTalkWorld.CreateAsync();
        world.Stub.ExpiredSessions[DingTalkWorld.Session(DingTalkWorld.GroupId)] = true;

        var reply = Assert.Single(await world.SayAsync("zhangsan", "张三", "帮助", inGroup: true));

        Assert.Equal(("group", DingTalkWorld.GroupId), (reply.Route, reply.Target));
    }

    [Fact]
    public async Task AnExpiredTokenIsRefreshedOnceAndTheMessageGoesOutOnce()
    {
        await using var world = await DingTalkWorld.CreateAsync();
        await world.PostAsync(world.Message("zhangsan", "张三", "帮助", sessionLife: TimeSpan.Zero));
        Assert.Equal(1, world.Stub.TokenRequests);
        world.Stub.ExpireTokens();

        world.Stub.Clear();
        using var response = await world.PostAsync(world.Message("zhangsan", "张三", "帮助", sessionLife: TimeSpan.Zero));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, world.Stub.TokenRequests);
        Assert.Equal("user", Assert.Single(world.Stub.Messages).Route);
    }

    [Fact]
    public async Task TheTokenIsFetchedOnceForCallersThatAskTogetherAndKeptUntilShortlyBeforeItExpires()
    {
        await using var world = await DingTalkWorld.CreateAsync();
        var tokens = world.App.Get<DingTalkAccessTokens>();
        world.Stub.HoldTokens = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var asking = Enumerable.Range(0, 6).Select(_ => tokens.GetAsync(Token)).ToList();
        for (var i = 0; i < 3000 && world.Stub.TokenRequests == 0 && !asking.Any(a => a.IsFaulted); i++)
        {
            await Task.Delay(10, Token);
        }

        world.Stub.HoldTokens.SetResult();
        var got = await Task.WhenAll(asking);
        world.Stub.HoldTokens = null;

        Assert.Single(got.Distinct());
        Assert.Equal(1, world.Stub.TokenRequests);
        world.App.Time.Advance(TimeSpan.FromMinutes(110));
        Assert.Equal(got[0], await tokens.GetAsync(Token));
        world.App.Time.Advance(TimeSpan.FromMinutes(6));
        Assert.NotEqual(got[0], await tokens.GetAsync(Token));
        Assert.Equal(2, world.Stub.TokenRequests);
    }

    [Fact]
    public async Task AThrottledReplyIsKeptInTheOutboxAndSentLater()
    {
        await using var world = await DingTalkWorld.CreateAsync();
        world.Stub.ThrottleUserSends = true;

        using var response = await world.PostAsync(world.Message("zhangsan", "张三", "帮助", sessionLife: TimeSpan.Zero));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(world.Stub.Messages);
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={world.App.DatabasePath}"))
        {
            var kept = await Dapper.SqlMapper.QuerySingleAsync<(string ConversationId, string Status)>(
                connection, new Dapper.CommandDefinition("SELECT conversation_id, status FROM outbox", cancellationToken: Token));
            Assert.Equal((DingTalkWorld.PrivateChat("zhangsan"), "pending"), kept);
        }

        world.Stub.ThrottleUserSends = false;
        world.App.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await world.App.Get<OutboxDispatcher>().SendDueAsync(Token));

        var reply = Assert.Single(world.Stub.Messages);
        Assert.Equal(("user", "zhangsan"), (reply.Route, reply.Target));
    }

    [Fact]
    public void AHeroCardBecomesAnActionCardWhoseButtonsSendTheCommands()
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Text = "王芳申报了一条积分\n回复“通过 7”",
            Attachments =
            [
                new Attachment
                {
                    ContentType = Attachment.HeroCardContentType,
                    Content = System.Text.Json.JsonSerializer.SerializeToElement(new
                    {
                        title = "#7",
                        images = new[] { new { url = "https://bot.example/api/dingtalk/files/abc" } },
                        buttons = new[] { CardAction.SayBack("通过", "通过 7"), CardAction.SayBack("驳回", "驳回 7") },
                    }, WebJson),
                },
            ],
        };

        var outgoing = DingTalkOutgoing.FromActivity(activity)!;
        var (key, param) = outgoing.ForOpenApi();

        Assert.Equal("sampleActionCard2", key);
        using var json = System.Text.Json.JsonDocument.Parse(param);
        Assert.Equal("dtmd://dingtalkclient/sendMessage?content=%E9%80%9A%E8%BF%87%207", json.RootElement.GetProperty("actionURL1").GetString());
        Assert.Equal("驳回", json.RootElement.GetProperty("actionTitle2").GetString());
        Assert.Contains("![](https://bot.example/api/dingtalk/files/abc)", json.RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("王芳申报了一条积分", json.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public void MarkdownAndPlainTextKeepTheirKindAndATypingIndicatorSendsNothing()
    {
        Assert.Equal("sampleMarkdown", DingTalkOutgoing.FromActivity(new Activity { Type = ActivityTypes.Message, Text = "**日报**", TextFormat = "markdown" })!.ForOpenApi().MsgKey);
        Assert.Equal("text", DingTalkOutgoing.FromActivity(new Activity { Type = ActivityTypes.Message, Text = "好" })!.ForWebhook()["msgtype"]!.GetValue<string>());
        Assert.Null(DingTalkOutgoing.FromActivity(new Activity { Type = ActivityTypes.Message }));
    }
}
