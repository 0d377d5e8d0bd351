using System.Net;
using System.Net.Http.Headers;
using ChatReport.Bot.Connector;
using ChatReport.Bot.Tests.Support;
using ChatReport.Dialogs.Schema;

// These tests start a call, drive the fake clock or the limiter, then await the call they started;
// no SynchronizationContext is involved.
#pragma warning disable VSTHRD003

namespace ChatReport.Bot.Tests.Connector;

/// <summary>
/// Retries run on the fake clock: the test sees each backoff timer being started and moves time
/// past it, so nothing sleeps and the waits themselves can be checked.
/// </summary>
public sealed class ConnectorRetryTests
{
    private static readonly Activity Hello = new() { Type = ActivityTypes.Message, Text = "hello" };

    // Timeouts far longer than any backoff, so that their timers are told apart from retry waits.
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromMinutes(4);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static ChatReportApplication CreateApp() => new ChatReportApplication()
        .WithSetting("Connector:AttemptTimeout", "00:04:00")
        .WithSetting("Connector:TotalTimeout", "00:25:00");

    // Timers created disarmed (infinite due time) belong to pooled timeouts, not to waits.
    private static bool IsRetryWait(TimeSpan dueTime) => dueTime > TimeSpan.Zero && dueTime < AttemptTimeout;

    [Fact]
    public async Task ARetryWaitsExactlyTheRetryAfterTheChannelAskedFor()
    {
        await using var app = CreateApp();
        var calls = 0;
        app.Connector.Respond = _ => Interlocked.Increment(ref calls) == 1
            ? Throttled(TimeSpan.FromSeconds(7))
            : FakeConnector.Json(HttpStatusCode.OK, """{"id":"r1"}""");

        var send = app.Get<ConnectorClient>().SendToConversationAsync(TestActivities.ServiceUrl, "a:1", Hello, Token);
        var wait = await app.Time.WaitForTimerAsync(IsRetryWait, Token);

        Assert.Equal(TimeSpan.FromSeconds(7), wait);
        Assert.Single(app.Connector.Requests);
        app.Time.Advance(wait);
        var response = await send;
        Assert.Equal("r1", response.Id);
        Assert.Equal(2, app.Connector.Requests.Count);
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.PreconditionFailed)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task TransientFailuresAreRetriedWithBoundedBackoffThenGivenUp(HttpStatusCode status)
    {
        await using var app = CreateApp();
        app.Connector.Respond = _ => FakeConnector.Json(status, """{"error":{"code":"ServiceError","message":"busy"}}""");

        var send = app.Get<ConnectorClient>().SendToConversationAsync(TestActivities.ServiceUrl, "a:1", Hello, Token);
        var waits = await AdvanceThroughRetriesAsync(app, send);

        var error = await Assert.ThrowsAsync<ConnectorException>(() => send);
        Assert.Equal((int)status, error.StatusCode);
        Assert.Equal(4, app.Connector.Requests.Count); // the first attempt and three retries
        Assert.Equal(3, waits.Count);
        Assert.All(waits, wait => Assert.InRange(wait, TimeSpan.Zero, TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public async Task ARetryAfterLongerThanTheBoundFailsAtOnce()
    {
        await using var app = CreateApp();
        app.Connector.Respond = _ => Throttled(TimeSpan.FromMinutes(5));

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            app.Get<ConnectorClient>().SendToConversationAsync(TestActivities.ServiceUrl, "a:1", Hello, Token));

        Assert.Equal(429, error.StatusCode);
        Assert.Single(app.Connector.Requests);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.InternalServerError)]
    public async Task FailuresThatRetryingCannotFixAreNotRetried(HttpStatusCode status)
    {
        await using var app = CreateApp();
        app.Connector.Respond = _ => FakeConnector.Json(status, "{}");

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            app.Get<ConnectorClient>().SendToConversationAsync(TestActivities.ServiceUrl, "a:1", Hello, Token));

        Assert.Equal((int)status, error.StatusCode);
        Assert.Single(app.Connector.Requests);
    }

    [Fact]
    public async Task ANetworkFailureIsRetriedAndReportedWithoutAStatus()
    {
        await using var app = CreateApp();
        app.Connector.Respond = _ => throw new HttpRequestException("connection refused");

        var send = app.Get<ConnectorClient>().SendToConversationAsync(TestActivities.ServiceUrl, "a:1", Hello, Token);
        await AdvanceThroughRetriesAsync(app, send);

        var error = await Assert.ThrowsAsync<ConnectorException>(() => send);
        Assert.Null(error.StatusCode);
        Assert.Equal(4, app.Connector.Requests.Count);
    }

    private static async Task<List<TimeSpan>> AdvanceThroughRetriesAsync(ChatReportApplication app, Task send)
    {
        var waits = new List<TimeSpan>();
        while (!send.IsCompleted)
        {
            var timer = app.Time.WaitForTimerAsync(IsRetryWait, Token);
            if (await Task.WhenAny(send, timer) == timer)
            {
                var wait = await timer;
                waits.Add(wait);
                app.Time.Advance(wait);
            }
        }

        return waits;
    }

    private static HttpResponseMessage Throttled(TimeSpan retryAfter)
    {
        var response = FakeConnector.Json(HttpStatusCode.TooManyRequests, """{"error":{"code":"Throttled","message":"slow down"}}""");
        response.Headers.RetryAfter = new RetryConditionHeaderValue(retryAfter);
        return response;
    }
}
