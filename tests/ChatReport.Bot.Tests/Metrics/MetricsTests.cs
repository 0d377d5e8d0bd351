using System.Net;
using ChatReport.Bot.Storage.Channels;
using ChatReport.Bot.Tests.Support;

namespace ChatReport.Bot.Tests.Metrics;

// Meters are process-wide: hosts that export them must not count each other\'s turns.
[Collection("Exported metrics")]
public sealed class MetricsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MetricsShowsTurnsSendsOutboxAndClaimsAfterAFewTurnsThroughTheHost()
    {
        await using var app = new ChatReportApplication().WithBot<EchoBot>().WithSetting("Metrics:Enabled", "true");
        using var client = app.CreateClient();
        foreach (var (id, text) in new[] { ("act-1", "你好"), ("act-2", "在吗"), ("act-3", "boom") })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostActivityAsync(TestActivities.Message(id, text), Ct)).StatusCode);
        }

        app.Connector.Respond = _ => FakeConnector.Json(HttpStatusCode.Forbidden, """{"error":{"code":"BotNotInConversationRoster","message":"no"}}""");
        Assert.Equal(HttpStatusCode.OK, (await client.PostActivityAsync(TestActivities.Message("act-4", "还在吗"), Ct)).StatusCode);
        var now = app.Time.GetUtcNow();
        await app.Get<OutboxStore>().AddAsync(new OutboxItem(0, "msteams", TestActivities.ServiceUrl, "conv-9", "{}", 1, now, now.AddMinutes(-3)), Ct);

        var metrics = new PrometheusText(await client.GetStringAsync(new Uri("/metrics", UriKind.Relative), Ct));

        Assert.Equal(3, metrics.Value("chatreport_turns_total", ("channel", "msteams"), ("outcome", "completed")));
        Assert.Equal(1, metrics.Value("chatreport_turns_total", ("channel", "msteams"), ("outcome", "error")));
        Assert.Equal(4, metrics.Value("chatreport_turn_duration_seconds_count", ("channel", "msteams")));
        // Two echoes and the apology for "boom" got through; the fourth reply was refused.
        Assert.Equal(3, metrics.Value("chatreport_messages_sent_total", ("channel", "msteams")));
        Assert.Equal(1, metrics.Value("chatreport_messages_failed_total", ("channel", "msteams")));
        Assert.Equal(1, metrics.Value("chatreport_outbox_depth"));
        Assert.Equal(180, metrics.Value("chatreport_outbox_oldest_age_seconds"));
        Assert.Equal(0, metrics.Value("chatreport_claims_pending"));
        Assert.True(metrics.Value("http_server_request_duration_seconds_count", ("http_route", "/api/messages/")) is not null, metrics.Text);
        // The runtime's meter: the bench divides these by the turns answered.
        Assert.True(metrics.Value("dotnet_gc_heap_total_allocated_bytes_total") > 0, metrics.Text);
        Assert.True(metrics.Value("dotnet_process_cpu_time_seconds_total", ("cpu_mode", "user")) > 0, metrics.Text);
    }

    [Fact]
    public async Task MetricsAreOffByDefault()
    {
        await using var app = new ChatReportApplication();
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
