using System.Net;
using ChatReport.Bot.Authentication;
using ChatReport.Bot.Connector;
using ChatReport.Bot.Tests.Support;
using ChatReport.Dialogs.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatReport.Bot.Tests.Connector;

public sealed class ConnectorClientTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static readonly Activity Hello = new() { Type = ActivityTypes.Message, Text = "hello" };

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/", "https://smba.trafficmanager.net/amer/v3/conversations")]
    [InlineData("https://smba.trafficmanager.net/amer", "https://smba.trafficmanager.net/amer/v3/conversations")]
    [InlineData("http://127.0.0.1:5000", "http://127.0.0.1:5000/v3/conversations")]
    public void TheServiceUrlGetsExactlyOneSlashBeforeThePath(string serviceUrl, string expected)
    {
        Assert.Equal(expected, ConnectorClient.BuildUri(serviceUrl, "v3/conversations").AbsoluteUri);
    }

    [Theory]
    [InlineData("/relative/")]
    [InlineData("ftp://example.com/")]
    public void AServiceUrlThatIsNotAbsoluteHttpIsRefused(string serviceUrl)
    {
        Assert.Throws<ArgumentException>(() => ConnectorClient.BuildUri(serviceUrl, "v3/conversations"));
    }

    [Fact]
    public async Task EachOperationUsesItsVerbAndEscapedPath()
    {
        await using var app = new ChatReportApplication();
        app.Connector.Respond = request => request.Method == HttpMethod.Get
            ? FakeConnector.Json(HttpStatusCode.OK, """[{"id":"29:a","name":"A"},{"id":"29:b"}]""")
            : request.Path.EndsWith("/v3/conversations", StringComparison.Ordinal)
                ? FakeConnector.Json(HttpStatusCode.Created, """{"id":"a:new","serviceUrl":"https://smba.example/emea/"}""")
                : FakeConnector.Json(HttpStatusCode.OK, """{"id":"x"}""");
        var connector = app.Get<ConnectorClient>();
        const string url = "https://smba.example/amer";
        const string conversation = "19:abc@thread.v2;messageid=123";

        await connector.SendToConversationAsync(url, conversation, Hello, Token);
        await connector.ReplyToActivityAsync(url, conversation, "1:2", Hello, Token);
        await connector.UpdateActivityAsync(url, conversation, "1:2", Hello with { Id = "1:2" }, Token);
        await connector.DeleteActivityAsync(url, conversation, "1:2", Token);
        var members = await connector.GetConversationMembersAsync(url, conversation, Token);
        var created = await connector.CreateConversationAsync(url, new ConversationParameters { IsGroup = false, Members = [new ChannelAccount { Id = "29:a" }] }, Token);

        const string escaped = "/amer/v3/conversations/19%3Aabc%40thread.v2%3Bmessageid%3D123";
        Assert.Collection(
            app.Connector.Requests,
            r => Assert.Equal(("POST", escaped + "/activities"), (r.Method.Method, r.Path)),
            r => Assert.Equal(("POST", escaped + "/activities/1%3A2"), (r.Method.Method, r.Path)),
            r => Assert.Equal(("PUT", escaped + "/activities/1%3A2"), (r.Method.Method, r.Path)),
            r => Assert.Equal(("DELETE", escaped + "/activities/1%3A2"), (r.Method.Method, r.Path)),
            r => Assert.Equal(("GET", escaped + "/members"), (r.Method.Method, r.Path)),
            r => Assert.Equal(("POST", "/amer/v3/conversations"), (r.Method.Method, r.Path)));
        Assert.Equal(["29:a", "29:b"], members.Select(m => m.Id));
        Assert.Equal("a:new", created.Id);
        Assert.Equal("https://smba.example/emea/", created.ServiceUrl);
    }

    [Fact]
    public async Task CallsCarryTheBotsBearerToken()
    {
        await using var app = new ChatReportApplication()
            .WithServices(services => services.Replace(ServiceDescriptor.Singleton<IConnectorCredentials>(new StaticConnectorCredentials("bot-token"))));

        await app.Get<ConnectorClient>().SendToConversationAsync(TestActivities.ServiceUrl, "a:1", Hello, Token);

        Assert.Equal("Bearer bot-token", Assert.Single(app.Connector.Requests).Authorization);
    }

    [Fact]
    public async Task WithoutATokenNoAuthorizationHeaderIsSent()
    {
        await using var app = new ChatReportApplication();

        await app.Get<ConnectorClient>().SendToConversationAsync(TestActivities.ServiceUrl, "a:1", Hello, Token);

        Assert.Null(Assert.Single(app.Connector.Requests).Authorization);
    }

    [Theory]
    [InlineData(HttpStatusCode.OK, """{"id":"r1"}""", "r1")]
    [InlineData(HttpStatusCode.Created, """{"id":"r1"}""", "r1")]
    [InlineData(HttpStatusCode.Accepted, "", null)]
    [InlineData(HttpStatusCode.OK, "not json", null)]
    public async Task SuccessfulAnswersAreRead(HttpStatusCode status, string body, string? expectedId)
    {
        await using var app = new ChatReportApplication();
        app.Connector.Respond = _ => FakeConnector.Json(status, body);

        var response = await app.Get<ConnectorClient>().SendToConversationAsync(TestActivities.ServiceUrl, "a:1", Hello, Token);

        Assert.Equal(expectedId, response.Id);
    }

    [Theory]
    [InlineData("""{"error":{"code":"BadArgument","message":"Activity text too long"}}""", "BadArgument", "Activity text too long")]
    [InlineData("""{"errorCode":209,"message":"{\"errorCode\":209,\"message\":\"User blocked the bot\",\"subCode\":\"MessageWritesBlocked\"}"}""", "MessageWritesBlocked", "User blocked the bot")]
    [InlineData("""{"errorCode":209,"message":"plain words"}""", "209", "plain words")]
    [InlineData("<html>Forbidden</html>", null, "<html>Forbidden</html>")]
    public async Task ErrorsAreParsedWhateverTheirShape(string body, string? code, string message)
    {
        await using var app = new ChatReportApplication();
        app.Connector.Respond = _ => FakeConnector.Json(HttpStatusCode.Forbidden, body);

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            app.Get<ConnectorClient>().ReplyToActivityAsync(TestActivities.ServiceUrl, "a:1", "act-9", Hello, Token));

        Assert.Equal(403, error.StatusCode);
        Assert.Equal(code, error.ErrorCode);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal("a:1", error.ConversationId);
        Assert.Equal("act-9", error.ActivityId);
        Assert.Single(app.Connector.Requests);
    }
}
