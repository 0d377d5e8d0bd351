using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ChatReport.Bot.Authentication;
using ChatReport.Bot.DirectLine;
using ChatReport.Bot.Storage.Channels;
using ChatReport.Dialogs.Schema;

namespace ChatReport.Bot.Tests.DirectLine;

public sealed class DirectLineConversationTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StartingAConversationWithTheSecretAnswers201WithTokenAndStreamUrl()
    {
        await using var app = new DirectLineApplication();
        using var client = app.CreateHttpClient(DirectLineApplication.Secret);

        using var response = await client.PostAsJsonAsync("v3/directline/conversations", new { user = new { id = "u1", name = "王芳" }, locale = "zh-CN" }, Cancel);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        var root = body.RootElement;
        var conversationId = root.GetProperty("conversationId").GetString()!;
        Assert.Equal(1800, root.GetProperty("expires_in").GetInt32());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("token").GetString()));
        Assert.StartsWith($"ws://{app.BaseAddress.Authority}/v3/directline/conversations/{conversationId}/stream?t=", root.GetProperty("streamUrl").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AUserJoiningIsAnnouncedToTheBotButNotToClients()
    {
        await using var app = new DirectLineApplication();

        var conversation = await app.StartConversationAsync("u1", "王芳", Cancel);

        var update = Assert.Single(app.Bot.Received);
        Assert.Equal(ActivityTypes.ConversationUpdate, update.Type);
        Assert.Equal("directline", update.ChannelId);
        Assert.Equal(conversation.ConversationId, update.Conversation?.Id);
        Assert.Equal($"{app.BaseAddress}directline/", update.ServiceUrl);
        Assert.Equal(["chatreport", "u1"], update.MembersAdded!.Select(m => m.Id));
        Assert.Equal("王芳", update.MembersAdded![1].Name);
        Assert.Same(AuthenticationOutcome.LocalChannel, Assert.Single(app.Bot.Authentications));
        using var client = app.CreateHttpClient(conversation.Token);
        Assert.Empty((await client.GetActivitiesAsync(conversation.ConversationId)).Activities);
    }

    [Fact]
    public async Task AMessageIsStampedEchoedWithItsClientActivityIdAndAnsweredByTheBot()
    {
        await using var app = new DirectLineApplication();
        var conversation = await app.StartConversationAsync("u1", "王芳", Cancel);
        using var client = app.CreateHttpClient(conversation.Token);

        var id = await client.SendAsync(conversation.ConversationId, "你好", userId: "someone-else", clientActivityId: "client-1");

        Assert.Equal($"{conversation.ConversationId}|0000001", id);
        var atBot = app.Bot.Received.Last(a => a.IsType(ActivityTypes.Message));
        Assert.Equal(id, atBot.Id);
        Assert.Equal("directline", atBot.ChannelId);
        Assert.Equal("u1", atBot.From?.Id);
        Assert.Equal("user", atBot.From?.Role);
        Assert.Equal("chatreport", atBot.Recipient?.Id);
        Assert.Null(atBot.Conversation?.IsGroup);
        Assert.NotNull(atBot.Timestamp);
        var set = await client.GetActivitiesAsync(conversation.ConversationId);
        Assert.Equal("2", set.Watermark);
        Assert.Collection(
            set.Activities,
            echo =>
            {
                Assert.Equal(id, echo.Id);
                Assert.Equal("你好", echo.Text);
                Assert.Equal("client-1", echo.ChannelData?.GetProperty("clientActivityID").GetString());
            },
            reply =>
            {
                Assert.Equal("收到：你好", reply.Text);
                Assert.Equal("bot", reply.From?.Role);
                Assert.Equal(id, reply.ReplyToId);
                Assert.Equal(conversation.ConversationId, reply.Conversation?.Id);
            });
    }

    [Fact]
    public async Task ActivitiesAfterAWatermarkAreTheOnlyOnesReturned()
    {
        await using var app = new DirectLineApplication();
        var conversation = await app.StartConversationAsync("u1", cancellationToken: Cancel);
        using var client = app.CreateHttpClient(conversation.Token);
        await client.SendAsync(conversation.ConversationId, "一");
        var first = await client.GetActivitiesAsync(conversation.ConversationId);

        await client.SendAsync(conversation.ConversationId, "二");
        var next = await client.GetActivitiesAsync(conversation.ConversationId, first.Watermark);

        Assert.Equal(["二", "收到：二"], next.Activities.Select(a => a.Text));
        Assert.Equal("4", next.Watermark);
        var none = await client.GetActivitiesAsync(conversation.ConversationId, next.Watermark);
        Assert.Empty(none.Activities);
        Assert.Equal("4", none.Watermark);
    }

    [Fact]
    public async Task AClientRetryOfADeliveredActivityIsNotRunAgain()
    {
        await using var app = new DirectLineApplication();
        var conversation = await app.StartConversationAsync("u1", cancellationToken: Cancel);
        using var client = app.CreateHttpClient(conversation.Token);

        var first = await client.SendAsync(conversation.ConversationId, "登记", clientActivityId: "same");
        var again = await client.SendAsync(conversation.ConversationId, "登记", clientActivityId: "same");

        Assert.Equal(first, again);
        Assert.Single(app.Bot.Received, a => a.IsType(ActivityTypes.Message));
        Assert.Equal(2, (await client.GetActivitiesAsync(conversation.ConversationId)).Activities.Count);
    }

    [Fact]
    public async Task ARetryAfterTheBotFailedRunsTheBotAgainWithTheSameId()
    {
        await using var app = new DirectLineApplication();
        var conversation = await app.StartConversationAsync("u1", cancellationToken: Cancel);
        using var client = app.CreateHttpClient(conversation.Token);
        var activity = new { type = "message", text = "boom", from = new { id = "u1" }, channelData = new { clientActivityID = "retry-me" } };
        using var failed = await client.PostActivityAsync(conversation.ConversationId, activity);
        await failed.AssertErrorAsync(HttpStatusCode.BadGateway, "BotError");

        using var retried = await client.PostActivityAsync(conversation.ConversationId, activity);

        await retried.AssertErrorAsync(HttpStatusCode.BadGateway, "BotError");
        var attempts = app.Bot.Received.Where(a => a.IsType(ActivityTypes.Message)).ToList();
        Assert.Equal(2, attempts.Count);
        Assert.Equal(attempts[0].Id, attempts[1].Id);
        Assert.Single((await client.GetActivitiesAsync(conversation.ConversationId)).Activities);
    }

    [Fact]
    public async Task ABotThatRejectsTheActivityGives400BotRejectedActivity()
    {
        await using var app = new DirectLineApplication();
        var conversation = await app.StartConversationAsync("u1", cancellationToken: Cancel);
        using var client = app.CreateHttpClient(conversation.Token);

        using var response = await client.PostActivityAsync(conversation.ConversationId, new { type = "message", text = "reject", from = new { id = "u1" } });

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "BotRejectedActivity");
    }

    [Fact]
    public async Task AnInvokeTheRealBotDoesNotHandleIsRefusedWith400NotA5xx()
    {
        await using var app = new DirectLineApplication(withBot: false);
        var conversation = await app.StartConversationAsync("u1", cancellationToken: Cancel);
        using var client = app.CreateHttpClient(conversation.Token);

        using var response = await client.PostActivityAsync(conversation.ConversationId, new { type = "invoke", name = "no/such/invoke", from = new { id = "u1" } });

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "BotRejectedActivity");
    }

    [Fact]
    public async Task WithTheRealPipelineTheBotsReplyComesBackThroughTheConnectorRoutes()
    {
        // No fake processor: the message goes through authentication, middleware and the bot,
        // and the reply travels over HTTP to this host's Connector routes like on any channel.
        await using var app = new DirectLineApplication(withBot: false);
        var conversation = await app.StartConversationAsync("u1", cancellationToken: Cancel);
        using var client = app.CreateHttpClient(conversation.Token);

        using var response = await client.PostActivityAsync(conversation.ConversationId, new { type = "message", text = "有人吗", from = new { id = "u1" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The reply leaves the outbox after the turn's commit, so it may land just after the 200;
        // clients poll (or stream) for it, and so does this test, for a bounded time.
        var activities = (await client.GetActivitiesAsync(conversation.ConversationId)).Activities;
        for (var i = 0; i < 100 && !activities.Any(a => a.ReplyToId is not null && a.ReplyToId == activities.FirstOrDefault(u => u.From?.Id == "u1")?.Id); i++)
        {
            await Task.Delay(50, Cancel);
            activities = (await client.GetActivitiesAsync(conversation.ConversationId)).Activities;
        }

        var sent = Assert.Single(activities, a => a.From?.Id == "u1");
        Assert.Equal("有人吗", sent.Text);
        var reply = Assert.Single(activities, a => a.ReplyToId == sent.Id);
        Assert.Equal("u1", reply.Recipient?.Id);
        Assert.False(string.IsNullOrWhiteSpace(reply.Text));
    }

    [Theory]
    [InlineData("not json", "BadSyntax")]
    [InlineData("[1,2]", "BadSyntax")]
    [InlineData("null", "BadSyntax")]
    [InlineData("""{"type":5}""", "BadSyntax")]
    [InlineData("""{"text":"no type","from":{"id":"u1"}}""", "MissingProperty")]
    [InlineData("""{"type":"message","text":"who?"}""", "MissingProperty")]
    [InlineData("", "MissingProperty")]
    [InlineData("""{"type":"message","from":{"id":"a\u0001b"}}""", "BadArgument")]
    public async Task BadActivitiesGet400WithACode(string body, string code)
    {
        await using var app = new DirectLineApplication();
        var conversation = await app.StartConversationAsync(null, cancellationToken: Cancel);
        using var client = app.CreateHttpClient(DirectLineApplication.Secret);

        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync($"v3/directline/conversations/{conversation.ConversationId}/activities", content, Cancel);

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, code);
        Assert.DoesNotContain(app.Bot.Received, a => a.IsType(ActivityTypes.Message));
    }

    [Theory]
    [InlineData("conversationUpdate")]
    [InlineData("installationUpdate")]
    public async Task ClientsCannotForgeChannelEvents(string type)
    {
        await using var app = new DirectLineApplication();
        var conversation = await app.StartConversationAsync("u1", cancellationToken: Cancel);
        using var client = app.CreateHttpClient(conversation.Token);

        using var response = await client.PostActivityAsync(conversation.ConversationId, new { type, from = new { id = "u1" }, membersAdded = new[] { new { id = "admin" } } });

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "BadArgument");
        Assert.Single(app.Bot.Received);
    }

    [Fact]
    public async Task AClientCannotAskForRepliesInTheHttpAnswer()
    {
        await using var app = new DirectLineApplication();
        var conversation = await app.StartConversationAsync("u1", cancellationToken: Cancel);
        using var client = app.CreateHttpClient(conversation.Token);

        using var response = await client.PostActivityAsync(conversation.ConversationId, new { type = "message", text = "快", from = new { id = "u1" }, deliveryMode = "expectReplies" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(app.Bot.Received.Single(a => a.IsType(ActivityTypes.Message)).DeliveryMode);
        Assert.Contains((await client.GetActivitiesAsync(conversation.ConversationId)).Activities, a => a.Text == "收到：快");
    }

    [Fact]
    public async Task AnActivityLargerThanTheLimitGets413()
    {
        await using var app = new DirectLineApplication();
        var conversation = await app.StartConversationAsync("u1", cancellationToken: Cancel);
        using var client = app.CreateHttpClient(conversation.Token);

        using var response = await client.PostActivityAsync(conversation.ConversationId, new { type = "message", text = new string('长', 100_000), from = new { id = "u1" } });

        await response.AssertErrorAsync(HttpStatusCode.RequestEntityTooLarge, "MessageSizeTooBig");
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("1.5")]
    public async Task AnInvalidWatermarkGets400(string watermark)
    {
        await using var app = new DirectLineApplication();
        var conversation = await app.StartConversationAsync("u1", cancellationToken: Cancel);
        using var client = app.CreateHttpClient(conversation.Token);

        using var response = await client.GetAsync($"v3/directline/conversations/{conversation.ConversationId}/activities?watermark={watermark}", Cancel);

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "BadArgument");
    }

    [Fact]
    public async Task AnUnknownConversationIs404ForTheSecret()
    {
        await using var app = new DirectLineApplication();
        using var client = app.CreateHttpClient(DirectLineApplication.Secret);

        using var get = await client.GetAsync("v3/directline/conversations/nope/activities", Cancel);
        using var reconnect = await client.GetAsync("v3/directline/conversations/nope", Cancel);
        using var post = await client.PostActivityAsync("nope", new { type = "message", from = new { id = "u1" } });

        await get.AssertErrorAsync(HttpStatusCode.NotFound, "NotFound");
        await reconnect.AssertErrorAsync(HttpStatusCode.NotFound, "NotFound");
        await post.AssertErrorAsync(HttpStatusCode.NotFound, "NotFound");
    }

    [Fact]
    public async Task ReconnectingGivesAFreshStreamUrlFromTheWatermark()
    {
        await using var app = new DirectLineApplication();
        var conversation = await app.StartConversationAsync("u1", cancellationToken: Cancel);
        using var client = app.CreateHttpClient(conversation.Token);

        var reconnected = await client.GetFromJsonAsync<ConversationResponse>($"v3/directline/conversations/{conversation.ConversationId}?watermark=7", DirectLineJson.Options, Cancel);

        Assert.Equal(conversation.ConversationId, reconnected!.ConversationId);
        Assert.Equal(conversation.Token, reconnected.Token);
        Assert.NotEqual(conversation.StreamUrl, reconnected.StreamUrl);
        Assert.EndsWith("&watermark=7", reconnected.StreamUrl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartingWithAGeneratedTokenAnswers201ThenForTheNextStart200()
    {
        await using var app = new DirectLineApplication();
        using var secretClient = app.CreateHttpClient(DirectLineApplication.Secret);
        using var generated = await secretClient.PostAsJsonAsync("v3/directline/tokens/generate", new { user = new { id = "dl_u9", name = "张三" } }, Cancel);
        Assert.Equal(HttpStatusCode.OK, generated.StatusCode);
        var token = (await generated.Content.ReadFromJsonAsync<ConversationResponse>(DirectLineJson.Options, Cancel))!;
        Assert.Null(token.StreamUrl);
        Assert.Empty(app.Bot.Received);
        using var client = app.CreateHttpClient(token.Token);

        using var first = await client.PostAsync("v3/directline/conversations", null, Cancel);
        using var second = await client.PostAsync("v3/directline/conversations", null, Cancel);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var started = (await second.Content.ReadFromJsonAsync<ConversationResponse>(DirectLineJson.Options, Cancel))!;
        Assert.Equal(token.ConversationId, started.ConversationId);
        Assert.NotNull(started.StreamUrl);
        var update = Assert.Single(app.Bot.Received);
        Assert.Equal("dl_u9", update.MembersAdded![^1].Id);
        Assert.Equal("张三", update.MembersAdded![^1].Name);
    }
}
