using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ChatReport.Bot.Tests.Support;
using ChatReport.Dialogs.Schema;

namespace ChatReport.Bot.Tests.Messaging;

public sealed class MessagesEndpointTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AMessageIsAnsweredWith200AndAnEmptyBodyAndTheReplyGoesToTheConnector()
    {
        await using var app = new ChatReportApplication().WithBot<EchoBot>();
        using var client = app.CreateClient();

        using var response = await client.PostActivityAsync(TestActivities.Message("act-1", "你好"), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(Token));
        var reply = Assert.Single(app.Connector.Requests);
        Assert.Equal("echo: 你好", reply.Json.GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task AWrongContentTypeIsRefusedWith415(string contentType)
    {
        await using var app = new ChatReportApplication().WithBot<EchoBot>();
        using var client = app.CreateClient();
        var json = JsonSerializer.Serialize(TestActivities.Message("act-1", "hi"), Bot.Connector.BotJson.Options);

        using var response = await client.PostRawAsync(json, Token, contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("UnsupportedMediaType", await ErrorCodeAsync(response));
        Assert.Empty(app.Connector.Requests);
    }

    [Fact]
    public async Task ABodyOverTheLimitIsRefusedWith413()
    {
        await using var app = new ChatReportApplication().WithBot<EchoBot>();
        using var client = app.CreateClient();
        var json = JsonSerializer.Serialize(TestActivities.Message("act-1", new string('a', 300 * 1024)), Bot.Connector.BotJson.Options);

        // StringContent declares its Content-Length, so the body is refused before it is read.
        using var response = await client.PostRawAsync(json, Token);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("MessageSizeTooBig", await ErrorCodeAsync(response));
        Assert.Empty(app.Connector.Requests);
    }

    [Fact]
    public async Task AChunkedBodyOverTheLimitIsRefusedWith413()
    {
        await using var app = new ChatReportApplication().WithBot<EchoBot>().WithSetting("Messaging:MaxBodyBytes", "2048");
        using var client = app.CreateClient();
        var json = JsonSerializer.SerializeToUtf8Bytes(TestActivities.Message("act-1", new string('a', 4096)), Bot.Connector.BotJson.Options);
        // A stream of unknown length is sent without Content-Length, so the limit must hold while reading.
        using var content = new StreamContent(new UnseekableStream(json));
        content.Headers.ContentType = new("application/json");

        using var response = await client.PostAsync("/api/messages", content, Token);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(app.Connector.Requests);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ABodyLargerThanTheFirstBufferIsReadWhole(bool announceLength)
    {
        await using var app = new ChatReportApplication().WithBot<EchoBot>();
        using var client = app.CreateClient();
        // Longer than the 4 KiB a chunked body starts with; with Content-Length the buffer is that long.
        var text = string.Concat(Enumerable.Range(0, 3000).Select(i => (char)('一' + (i % 500))));
        var json = JsonSerializer.SerializeToUtf8Bytes(TestActivities.Message("act-1", text), Bot.Connector.BotJson.Options);
        using HttpContent content = announceLength ? new ByteArrayContent(json) : new StreamContent(new UnseekableStream(json));
        content.Headers.ContentType = new("application/json");

        using var response = await client.PostAsync("/api/messages", content, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(app.Connector.Requests);
        Assert.Equal("echo: " + text, reply.Json.GetProperty("text").GetString());
    }

    public static TheoryData<string, string, string> BadBodies()
    {
        var deep = new StringBuilder("""{"type":"message","conversation":{"id":"c"},"serviceUrl":"https://x/","channelData":""");
        for (var i = 0; i < 100; i++)
        {
            deep.Append("""{"a":""");
        }

        deep.Append('1').Append('}', 101);
        return new()
        {
            { "malformed JSON", """{"type":"message",""", "BadSyntax" },
            { "empty body", "", "BadSyntax" },
            { "a JSON array", """[{"type":"message"}]""", "BadSyntax" },
            { "a JSON string", "\"message\"", "BadSyntax" },
            { "JSON null", "null", "BadArgument" },
            { "absurd nesting", deep.ToString(), "BadSyntax" },
            { "type of the wrong kind", """{"type":5,"conversation":{"id":"c"},"serviceUrl":"https://x/"}""", "BadSyntax" },
            { "no type", """{"id":"1","conversation":{"id":"c"},"serviceUrl":"https://x/"}""", "MissingProperty" },
            { "blank type", """{"type":" ","conversation":{"id":"c"},"serviceUrl":"https://x/"}""", "MissingProperty" },
            { "no conversation", """{"type":"message","serviceUrl":"https://x/"}""", "MissingProperty" },
            { "no conversation id", """{"type":"message","conversation":{},"serviceUrl":"https://x/"}""", "MissingProperty" },
            { "a message without serviceUrl", """{"type":"message","conversation":{"id":"c"}}""", "MissingProperty" },
            { "a relative serviceUrl", """{"type":"message","conversation":{"id":"c"},"serviceUrl":"/v3/"}""", "BadArgument" },
            { "a non-http serviceUrl", """{"type":"message","conversation":{"id":"c"},"serviceUrl":"file:///etc/"}""", "BadArgument" },
            { "a timestamp that is not a date", """{"type":"message","conversation":{"id":"c"},"serviceUrl":"https://x/","timestamp":"yesterday"}""", "BadSyntax" },
        };
    }

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task BadInputIsRefusedWith400AndRunsNoTurn(string because, string body, string expectedCode)
    {
        await using var app = new ChatReportApplication().WithBot<EchoBot>();
        using var client = app.CreateClient();

        using var response = await client.PostRawAsync(body, Token);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{because}: got {(int)response.StatusCode}");
        Assert.Equal(expectedCode, await ErrorCodeAsync(response));
        Assert.Empty(app.Get<EchoBot>().Seen);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task OtherVerbsGet405(string method)
    {
        await using var app = new ChatReportApplication().WithBot<EchoBot>();
        using var client = app.CreateClient();

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/api/messages"), Token);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task ARefusedRequestGets401AndItsTurnNeverRuns()
    {
        // Without a MicrosoftAppId a bearer token cannot be checked, so the fallback refuses it.
        await using var app = new ChatReportApplication().WithBot<EchoBot>();
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = JsonContent.Create(TestActivities.Message("act-1", "hi"), options: Bot.Connector.BotJson.Options),
        };
        request.Headers.Authorization = new("Bearer", "forged");

        using var response = await client.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Unauthorized", await ErrorCodeAsync(response));
        Assert.Empty(app.Get<EchoBot>().Seen);
        Assert.Empty(app.Connector.Requests);
    }

    [Fact]
    public async Task WithAnAppIdButNoTokenValidationEveryRequestIsRefused()
    {
        await using var app = new ChatReportApplication().WithBot<EchoBot>().WithSetting("MicrosoftAppId", "some-app-id").WithSetting("MicrosoftAppPassword", "test-secret");
        using var client = app.CreateClient();

        using var response = await client.PostActivityAsync(TestActivities.Message("act-1", "hi"), Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(app.Get<EchoBot>().Seen);
    }

    [Fact]
    public async Task AHandledInvokeAnswersWithItsStatusAndBareBody()
    {
        await using var app = new ChatReportApplication().WithBot<EchoBot>();
        using var client = app.CreateClient();
        var invoke = TestActivities.Message("inv-1", null) with
        {
            Type = ActivityTypes.Invoke,
            Name = "adaptiveCard/action",
            Value = JsonSerializer.SerializeToElement(new { action = new { type = "Action.Execute", verb = "approve", data = new { claim = 7 } }, trigger = "manual" }),
        };

        using var response = await client.PostActivityAsync(invoke, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.Equal(200, body.GetProperty("statusCode").GetInt32());
        Assert.Equal("done: approve", body.GetProperty("value").GetString());
        Assert.Empty(app.Connector.Requests);
    }

    [Fact]
    public async Task AnInvokeNobodyAnswersGets501()
    {
        await using var app = new ChatReportApplication().WithBot<EchoBot>();
        using var client = app.CreateClient();
        var invoke = TestActivities.Message("inv-1", null) with { Type = ActivityTypes.Invoke, Name = "task/fetch" };

        using var response = await client.PostActivityAsync(invoke, Token);

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task ExpectRepliesBuffersTheRepliesInTheAnswer()
    {
        await using var app = new ChatReportApplication().WithBot<EchoBot>();
        using var client = app.CreateClient();
        var activity = TestActivities.Message("act-1", "hi") with { DeliveryMode = "expectReplies", ServiceUrl = null };

        using var response = await client.PostActivityAsync(activity, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        var reply = Assert.Single(body.GetProperty("activities").EnumerateArray());
        Assert.Equal("echo: hi", reply.GetProperty("text").GetString());
        Assert.Equal("act-1", reply.GetProperty("replyToId").GetString());
        Assert.Empty(app.Connector.Requests);
    }

    [Theory]
    [InlineData(ActivityTypes.InstallationUpdate)]
    [InlineData(ActivityTypes.Event)]
    [InlineData(ActivityTypes.EndOfConversation)]
    public async Task OtherTypesTheBotHandlesReachIt(string type)
    {
        await using var app = new ChatReportApplication().WithBot<EchoBot>();
        using var client = app.CreateClient();

        using var response = await client.PostActivityAsync(TestActivities.Message("act-1", null) with { Type = type, Action = "add" }, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, Assert.Single(app.Get<EchoBot>().Seen).Type);
    }

    [Theory]
    [InlineData("someFutureType")]
    [InlineData(ActivityTypes.MessageReaction)]
    [InlineData(ActivityTypes.Typing)]
    public async Task TypesTheBotDoesNotHandleAreAcknowledgedQuietly(string type)
    {
        await using var app = new ChatReportApplication().WithBot<EchoBot>();
        using var client = app.CreateClient();

        using var response = await client.PostActivityAsync(TestActivities.Message("act-1", "hi") with { Type = type }, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(app.Get<EchoBot>().Seen);
        Assert.Empty(app.Connector.Requests);
    }

    [Fact]
    public async Task UnknownMembersAndCasingAreAccepted()
    {
        await using var app = new ChatReportApplication().WithBot<EchoBot>();
        using var client = app.CreateClient();
        const string json = """
            {"Type":"message","ID":"act-1","channelId":"msteams","ServiceUrl":"https://smba.example/amer/",
             "conversation":{"id":"a:1","futureThing":1},"from":{"id":"29:u"},"recipient":{"id":"28:b"},
             "text":"hi","futureField":{"deep":[1,2]}}
            """;

        using var response = await client.PostRawAsync(json, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var seen = Assert.Single(app.Get<EchoBot>().Seen);
        Assert.Equal("act-1", seen.Id);
        Assert.True(seen.Properties!.ContainsKey("futureField"));
    }

    [Fact]
    public async Task TheBotWelcomesAStrangerInTheUsersLanguage()
    {
        await using var app = new ChatReportApplication();
        using var client = app.CreateClient();

        using var zh = await client.PostActivityAsync(TestActivities.Message("act-1", "你好"), Token);
        using var en = await client.PostActivityAsync(TestActivities.Message("act-2", "hello", locale: "en-US"), Token);

        Assert.Equal(HttpStatusCode.OK, zh.StatusCode);
        Assert.Equal(HttpStatusCode.OK, en.StatusCode);
        Assert.Collection(
            app.Connector.Requests,
            r => Assert.Contains("加入 123456", r.Json.GetProperty("text").GetString(), StringComparison.Ordinal),
            r => Assert.Contains("join 123456", r.Json.GetProperty("text").GetString(), StringComparison.Ordinal));
    }

    private static async Task<string?> ErrorCodeAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        return body.GetProperty("error").GetProperty("code").GetString();
    }

    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
