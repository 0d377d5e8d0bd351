using System.Globalization;
using System.Net;
using ChatReport.Bot.Outbox;
using ChatReport.Bot.Tests.Support;
using ChatReport.Conversation.Domain;
using ChatReport.Dialogs.Turns;
using Dapper;
using Microsoft.Data.Sqlite;

namespace ChatReport.Bot.Tests.Durability;

/// <summary>A turn is one unit: what it writes and what it sends commit together, or not at all.</summary>
public sealed class DurableTurnTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task<T> ScalarAsync<T>(ChatReportApplication app, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={app.DatabasePath}");
        return await connection.ExecuteScalarAsync<T>(new CommandDefinition(sql, cancellationToken: Token))
            ?? throw new InvalidOperationException("no value");
    }

    private static IReadOnlyList<string> TextsSent(ChatReportApplication app) =>
        [.. app.Connector.Requests.Where(r => r.Json.TryGetProperty("text", out _)).Select(r => r.Json.GetProperty("text").GetString()!)];

    [Fact]
    public async Task ATurnThatFailsAfterWritingAndSendingLeavesOnlyItsApology()
    {
        await using var app = new ChatReportApplication().WithBot<WritesSendsThenFailsBot>();
        using var client = app.CreateClient();

        using var response = await client.PostActivityAsync(TestActivities.Message("act-1", "create a unit"), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await app.Get<IOrganisation>().FindUnitsByNameAsync("回滚测试支部", Token));
        Assert.Equal(0L, await ScalarAsync<long>(app, "SELECT count(*) FROM audit_log WHERE after_json LIKE '%回滚测试支部%'"));
        var text = Assert.Single(TextsSent(app));
        Assert.StartsWith("抱歉", text, StringComparison.Ordinal);
        Assert.Equal(1L, await ScalarAsync<long>(app, "SELECT count(*) FROM outbox"));
        // The failed turn is recorded (with its apology), so a redelivery does not fail it again.
        Assert.Equal(1L, await ScalarAsync<long>(app, "SELECT count(*) FROM processed_activities WHERE activity_id = 'act-1'"));
    }

    [Fact]
    public async Task ARedeliveredFailedTurnIsAcknowledgedWithoutASecondApology()
    {
        await using var app = new ChatReportApplication().WithBot<WritesSendsThenFailsBot>();
        using var client = app.CreateClient();

        await client.PostActivityAsync(TestActivities.Message("act-1", "create a unit"), Token);
        using var again = await client.PostActivityAsync(TestActivities.Message("act-1", "create a unit"), Token);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Single(TextsSent(app));
    }

    [Fact]
    public async Task RepliesOfACommittedTurnThatTheChannelRefusedAreDeliveredByTheNextProcess()
    {
        var folder = Directory.CreateTempSubdirectory("chatreport-restart-").FullName;
        var database = Path.Combine(folder, "bot.db");
        try
        {
            await using (var first = new ChatReportApplication().WithBot<EchoBot>()
                .WithSetting("ConnectionStrings:ChatReport", $"Data Source={database}")
                .WithSetting("Connector:MaxRetryAttempts", "0"))
            {
                first.Connector.Respond = _ => FakeConnector.Json(HttpStatusCode.ServiceUnavailable, """{"error":{"code":"ServiceUnavailable","message":"down"}}""");
                using var client = first.CreateClient();
                using var response = await client.PostActivityAsync(TestActivities.Message("act-1", "提交"), Token);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }

            await using var second = new ChatReportApplication().WithBot<EchoBot>()
                .WithSetting("ConnectionStrings:ChatReport", $"Data Source={database}");
            var dispatcher = second.Get<OutboxDispatcher>();
            Assert.Equal(0, await dispatcher.SendDueAsync(Token));
            second.Time.Advance(TimeSpan.FromMinutes(2));

            Assert.Equal(1, await dispatcher.SendDueAsync(Token));
            Assert.Equal(0, await dispatcher.SendDueAsync(Token));
            Assert.Equal(["echo: 提交"], TextsSent(second));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task AMessageClaimedByAProcessThatDiedIsTakenOverOnlyOnceItsClaimRunsOut()
    {
        await using var app = new ChatReportApplication().WithBot<EchoBot>();
        using (var client = app.CreateClient())
        {
            await client.PostActivityAsync(TestActivities.Message("act-0", "warm up"), Token);
        }

        // As a process leaves it when it dies between its commit and the delivery: pending, claimed for one lease.
        var now = app.Time.GetUtcNow();
        await using (var connection = new SqliteConnection($"Data Source={app.DatabasePath}"))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO outbox (channel_id, service_url, conversation_id, activity_json, next_attempt_at, created_at)
                VALUES ('msteams', @ServiceUrl, 'a:orphan', '{"type":"message","text":"orphaned reply","channelId":"msteams"}', @Until, @Now)
                """,
                new { TestActivities.ServiceUrl, Until = (now + TimeSpan.FromSeconds(30)).UtcDateTime.ToString("O", CultureInfo.InvariantCulture), Now = now.UtcDateTime.ToString("O", CultureInfo.InvariantCulture) },
                cancellationToken: Token));
        }

        var dispatcher = app.Get<OutboxDispatcher>();
        Assert.Equal(0, await dispatcher.SendDueAsync(Token));
        app.Time.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(1, await dispatcher.SendDueAsync(Token));

        Assert.Single(TextsSent(app), t => t == "orphaned reply");
    }

    /// <summary>Creates a branch, says so, then fails: none of it may survive.</summary>
    private sealed class WritesSendsThenFailsBot(IOrganisation organisation) : IBot
    {
        public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            if (!turnContext.Activity.IsType(Dialogs.Schema.ActivityTypes.Message))
            {
                return;
            }

            await organisation.CreateUnitAsync(new NewOrgUnit(null, OrgUnitKind.Committee, "回滚测试支部"), null, cancellationToken);
            await turnContext.SendTextAsync("created 回滚测试支部", cancellationToken);
            throw new InvalidOperationException("The bot fails after writing and sending.");
        }
    }
}
