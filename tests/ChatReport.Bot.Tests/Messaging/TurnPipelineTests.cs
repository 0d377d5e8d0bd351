using System.Net;
using System.Text.Json;
using ChatReport.Bot.Messaging;
using ChatReport.Bot.Storage.Channels;
using ChatReport.Bot.Tests.Support;
using ChatReport.Conversation.Commands;
using ChatReport.Dialogs.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace ChatReport.Bot.Tests.Messaging;

public sealed class TurnPipelineTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RepliesAreAddressedLikeTheSdkAddressesThem()
    {
        await using var app = new ChatReportApplication().WithBot<EchoBot>();
        using var client = app.CreateClient();

        await client.PostActivityAsync(TestActivities.Message("1:act", "hi"), Token);

        var reply = Assert.Single(app.Connector.Requests);
        Assert.Equal(HttpMethod.Post, reply.Method);
        // Teams ids keep their meaning only when escaped in the path.
        Assert.Equal("/amer/v3/conversations/19%3Aabc%40thread.v2%3Bmessageid%3D123/activities/1%3Aact", reply.Path);
        var json = reply.Json;
        Assert.Equal("1:act", json.GetProperty("replyToId").GetString());
        Assert.Equal(TestActivities.BotId, json.GetProperty("from").GetProperty("id").GetString());
        Assert.Equal(TestActivities.UserId, json.GetProperty("recipient").GetProperty("id").GetString());
        Assert.Equal(TestActivities.GroupConversationId, json.GetProperty("conversation").GetProperty("id").GetString());
        Assert.Equal("tenant-1", json.GetProperty("conversation").GetProperty("tenantId").GetString());
        Assert.Equal("msteams", json.GetProperty("channelId").GetString());
        Assert.False(json.TryGetProperty("id", out _));
        Assert.Null(reply.Authorization);
    }

    [Fact]
    public async Task AWelcomeOnDirectLineGoesToTheConversationWithoutAReplyTarget()
    {
        await using var app = new ChatReportApplication().WithBot<EchoBot>();
        using var client = app.CreateClient();
        var update = TestActivities.Message("cu-1", null) with
        {
            Type = ActivityTypes.ConversationUpdate,
            ChannelId = "directline",
            ServiceUrl = "http://localhost:3978/directline",
            Conversation = new ConversationAccount { Id = "dl-conv" },
            MembersAdded = [new ChannelAccount { Id = "dl_user", Name = "Li" }, new ChannelAccount { Id = TestActivities.BotId }],
        };

        await client.PostActivityAsync(update, Token);

        var welcome = Assert.Single(app.Connector.Requests);
        Assert.Equal("/directline/v3/conversations/dl-conv/activities", welcome.Path);
        Assert.False(welcome.Json.TryGetProperty("replyToId", out _));
        Assert.Equal("welcome Li", welcome.Json.GetProperty("text").GetString());
    }

    [Fact]
    public async Task ARedeliveredActivityRunsTheTurnOnce()
    {
        await using var app = new ChatReportApplication().WithBot<EchoBot>();
        using var client = app.CreateClient();
        var activity = TestActivities.Message("act-1", "扫雪两小时");

        using var first = await client.PostActivityAsync(activity, Token);
        using var second = await client.PostActivityAsync(activity, Token);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Single(app.Get<EchoBot>().Seen);
        Assert.Single(app.Connector.Requests);
    }

    [Fact]
    public async Task ConcurrentRedeliveriesRunTheTurnOnce()
    {
        await using var app = new ChatReportApplication().WithBot<EchoBot>();
        using var client = app.CreateClient();
        var activity = TestActivities.Message("act-1", "扫雪两小时");

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.PostActivityAsync(activity, Token)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Single(app.Get<EchoBot>().Seen);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task TheSameActivityIdInAnotherConversationRunsAgain()
    {
        await using var app = new ChatReportApplication().WithBot<EchoBot>();
        using var client = app.CreateClient();

        await client.PostActivityAsync(TestActivities.Message("1", "a", conversationId: "a:one"), Token);
        await client.PostActivityAsync(TestActivities.Message("1", "b", conversationId: "a:two"), Token);

        Assert.Equal(2, app.Get<EchoBot>().Seen.Count);
    }

    [Fact]
    public async Task ARedeliveredInvokeIsAcknowledgedWith200()
    {
        await using var app = new ChatReportApplication().WithBot<EchoBot>();
        using var client = app.CreateClient();
        var invoke = TestActivities.Message("inv-1", null) with
        {
            Type = ActivityTypes.Invoke,
            Name = "adaptiveCard/action",
            Value = JsonSerializer.SerializeToElement(new { action = new { type = "Action.Execute", verb = "approve" } }),
        };

        using var first = await client.PostActivityAsync(invoke, Token);
        using var second = await client.PostActivityAsync(invoke, Token);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Single(app.Get<EchoBot>().Seen);
    }

    [Theory]
    [InlineData("<at>ChatReport</at> 扫雪两小时", "<at>ChatReport</at>", "扫雪两小时")]
    [InlineData("请<at>ChatReport</at>记一下", "<at>ChatReport</at>", "请记一下")]
    [InlineData("<AT>chatreport</AT>  hello ", "<at>ChatReport</at>", "hello")]
    [InlineData("<at>ChatReport</at> hi", "<at>@ChatReport</at>", "hi")]
    public async Task TheBotsOwnMentionIsRemoved(string text, string entityText, string expected)
    {
        await using var app = new ChatReportApplication().WithBot<EchoBot>();
        using var client = app.CreateClient();
        var activity = TestActivities.MentioningBot("act-1", "", entityText) with { Text = text };

        await client.PostActivityAsync(activity, Token);

        Assert.Equal(expected, Assert.Single(app.Get<EchoBot>().Seen).Text);
    }

    [Fact]
    public async Task MentionsOfOtherPeopleStay()
    {
        await using var app = new ChatReportApplication().WithBot<EchoBot>();
        using var client = app.CreateClient();
        var activity = TestActivities.Message("act-1", "<at>ChatReport</at> 感谢 <at>李雷</at>") with
        {
            Entities =
            [
                JsonSerializer.SerializeToElement(new { type = "mention", mentioned = new { id = TestActivities.BotId.ToUpperInvariant(), name = "ChatReport" }, text = "<at>ChatReport</at>" }),
                JsonSerializer.SerializeToElement(new { type = "mention", mentioned = new { id = "29:li-lei", name = "李雷" }, text = "<at>李雷</at>" }),
            ],
        };

        await client.PostActivityAsync(activity, Token);

        Assert.Equal("感谢 <at>李雷</at>", Assert.Single(app.Get<EchoBot>().Seen).Text);
    }

    [Fact]
    public async Task ACardSubmitReachesTheBotWithItsValue()
    {
        await using var app = new ChatReportApplication().WithBot<EchoBot>();
        using var client = app.CreateClient();
        var submit = TestActivities.Message("act-1", null) with
        {
            ReplyToId = "card-1",
            Value = JsonSerializer.SerializeToElement(new { action = "approve", claimId = 7 }),
        };

        await client.PostActivityAsync(submit, Token);

        var reply = Assert.Single(app.Connector.Requests);
        Assert.Equal("""submitted: {"action":"approve","claimId":7}""", reply.Json.GetProperty("text").GetString());
    }

    [Fact]
    public async Task ACardButtonCarryingACommandReachesTheBotAsThatTypedCommand()
    {
        await using var app = new ChatReportApplication().WithBot<EchoBot>();
        using var client = app.CreateClient();
        var submit = TestActivities.Message("act-1", null) with
        {
            ReplyToId = "card-1",
            Value = CardCommand.SubmitData("通过 12", "通过"),
        };

        await client.PostActivityAsync(submit, Token);

        Assert.Equal("通过 12", Assert.Single(app.Get<EchoBot>().Seen).Text);
    }

    [Theory]
    [InlineData("zh-CN", "抱歉")]
    [InlineData("en-GB", "Sorry")]
    public async Task AFailingTurnApologizesInTheUsersLanguageAndAnswers200(string locale, string apology)
    {
        var observer = new RecordingErrorObserver();
        await using var app = new ChatReportApplication().WithBot<EchoBot>()
            .WithServices(services => services.AddSingleton<ITurnErrorObserver>(observer));
        using var client = app.CreateClient();

        using var response = await client.PostActivityAsync(TestActivities.Message("act-1", "boom", locale: locale), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(app.Connector.Requests);
        Assert.StartsWith(apology, reply.Json.GetProperty("text").GetString(), StringComparison.Ordinal);
        var error = Assert.Single(observer.Errors);
        Assert.Equal(TestActivities.GroupConversationId, error.ConversationId);
        Assert.IsType<InvalidOperationException>(error.Exception);
    }

    [Fact]
    public async Task AFailingTurnStillAnswers200WhenTheApologyCannotBeSent()
    {
        await using var app = new ChatReportApplication().WithBot<EchoBot>();
        app.Connector.Respond = _ => FakeConnector.Json(HttpStatusCode.Forbidden, """{"error":{"code":"BotDisabled","message":"no"}}""");
        using var client = app.CreateClient();

        using var response = await client.PostActivityAsync(TestActivities.Message("act-1", "boom"), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AReplyTheChannelRefusesIsLoggedWithoutAnApologyThatWouldSayTheWorkFailed()
    {
        var observer = new RecordingErrorObserver();
        await using var app = new ChatReportApplication().WithBot<EchoBot>()
            .WithServices(services => services.AddSingleton<ITurnErrorObserver>(observer));
        app.Connector.Respond = _ => FakeConnector.Json(HttpStatusCode.Forbidden, """{"error":{"code":"BotDisabled","message":"no"}}""");
        using var client = app.CreateClient();

        using var response = await client.PostActivityAsync(TestActivities.Message("act-1", "你好"), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("echo: 你好", Assert.Single(app.Connector.Requests).Json.GetProperty("text").GetString());
        Assert.Empty(observer.Errors);
    }

    [Fact]
    public async Task EveryConversationSeenIsRememberedAsUnverifiedWhenAuthenticationIsOff()
    {
        await using var app = new ChatReportApplication().WithBot<EchoBot>();
        using var client = app.CreateClient();

        await client.PostActivityAsync(TestActivities.Message("act-1", "hi"), Token);

        var stored = await app.Get<ConversationReferenceStore>().FindAsync("msteams", TestActivities.GroupConversationId, Token);
        Assert.NotNull(stored);
        Assert.Equal(TestActivities.ServiceUrl, stored.ServiceUrl);
        Assert.Equal(TestActivities.BotId, stored.BotId);
        Assert.Equal("tenant-1", stored.TenantId);
        Assert.True(stored.IsGroup);
        Assert.False(stored.Verified);
    }

    [Fact]
    public async Task AChangedServiceUrlUpdatesTheStoredReference()
    {
        await using var app = new ChatReportApplication().WithBot<EchoBot>();
        using var client = app.CreateClient();

        await client.PostActivityAsync(TestActivities.Message("act-1", "hi"), Token);
        await client.PostActivityAsync(TestActivities.Message("act-2", "hi") with { ServiceUrl = "https://smba.example/emea/" }, Token);

        var stored = await app.Get<ConversationReferenceStore>().FindAsync("msteams", TestActivities.GroupConversationId, Token);
        Assert.Equal("https://smba.example/emea/", stored?.ServiceUrl);
    }
}
