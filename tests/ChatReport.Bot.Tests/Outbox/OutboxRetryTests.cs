using System.Net;
using ChatReport.Bot.Outbox;
using ChatReport.Bot.Tests.Support;
using Dapper;
using Microsoft.Data.Sqlite;

namespace ChatReport.Bot.Tests.Outbox;

public sealed class OutboxRetryTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    // The test host keeps the background rounds off (Outbox:Enabled), so each test decides when refused messages are tried again.
    private static ChatReportApplication FlakyChannel() =>
        new ChatReportApplication().WithBot<EchoBot>().WithSetting("Connector:MaxRetryAttempts", "0");

    private static async Task<IReadOnlyList<(string Status, int Attempts)>> OutboxAsync(ChatReportApplication app)
    {
        await using var connection = new SqliteConnection($"Data Source={app.DatabasePath}");
        var rows = await connection.QueryAsync<(string, long)>(new CommandDefinition("SELECT status, attempts FROM outbox ORDER BY id", cancellationToken: Token));
        return [.. rows.Select(r => (r.Item1, (int)r.Item2))];
    }

    private static int EchoesReceived(ChatReportApplication app) =>
        app.Connector.Requests.Count(r => r.Json.TryGetProperty("text", out var text) && text.GetString() == "echo: 提交");

    [Fact]
    public async Task AReplyTheChannelRefusesForNowIsKeptAndSentOnceWhenTheChannelRecovers()
    {
        await using var app = FlakyChannel();
        app.Connector.Respond = _ => FakeConnector.Json(HttpStatusCode.ServiceUnavailable, """{"error":{"code":"ServiceUnavailable","message":"busy"}}""");
        using var client = app.CreateClient();

        using var response = await client.PostActivityAsync(TestActivities.Message("act-1", "提交"), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([("pending", 1)], await OutboxAsync(app));
        Assert.DoesNotContain(app.Connector.Requests, r => r.Json.TryGetProperty("text", out var t) && t.GetString()!.StartsWith("抱歉", StringComparison.Ordinal));

        app.Connector.Respond = _ => FakeConnector.Json(HttpStatusCode.OK, """{"id":"later-1"}""");
        var outbox = app.Get<OutboxDispatcher>();
        Assert.Equal(0, await outbox.SendDueAsync(Token));
        app.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await outbox.SendDueAsync(Token));
        Assert.Equal(0, await outbox.SendDueAsync(Token));

        Assert.Equal(2, EchoesReceived(app));
        Assert.Equal([("sent", 2)], await OutboxAsync(app));
    }

    [Fact]
    public async Task AReplyTheChannelRefusesForGoodIsMarkedFailedAndNotTriedAgain()
    {
        await using var app = FlakyChannel();
        app.Connector.Respond = _ => FakeConnector.Json(HttpStatusCode.Forbidden, """{"error":{"code":"BotDisabled","message":"no"}}""");
        using var client = app.CreateClient();

        await client.PostActivityAsync(TestActivities.Message("act-1", "提交"), Token);
        app.Time.Advance(TimeSpan.FromHours(1));
        await app.Get<OutboxDispatcher>().SendDueAsync(Token);

        Assert.Equal([("failed", 1)], await OutboxAsync(app));
        Assert.Equal(1, EchoesReceived(app));
    }

    [Fact]
    public async Task AReplyStillRefusedAfterHalfADayIsGivenUp()
    {
        await using var app = FlakyChannel();
        app.Connector.Respond = _ => FakeConnector.Json(HttpStatusCode.TooManyRequests, """{"error":{"code":"Throttled","message":"slow down"}}""");
        using var client = app.CreateClient();
        await client.PostActivityAsync(TestActivities.Message("act-1", "提交"), Token);
        var outbox = app.Get<OutboxDispatcher>();

        for (var hour = 0; hour < 14; hour++)
        {
            app.Time.Advance(TimeSpan.FromHours(1));
            await outbox.SendDueAsync(Token);
        }

        var (status, attempts) = Assert.Single(await OutboxAsync(app));
        Assert.Equal("failed", status);
        Assert.InRange(attempts, 2, 14);
    }
}
