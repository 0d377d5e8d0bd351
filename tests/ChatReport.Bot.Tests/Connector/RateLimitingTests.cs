using ChatReport.Bot.Connector;
using ChatReport.Bot.Tests.Support;
using ChatReport.Dialogs.Schema;

// These tests start a call, drive the fake clock or the limiter, then await the call they started;
// no SynchronizationContext is involved.
#pragma warning disable VSTHRD003

namespace ChatReport.Bot.Tests.Connector;

/// <summary>
/// System.Threading.RateLimiting keeps real time, so these tests use limits that either never
/// refill during the test or refill within a second; they assert order and outcome, not timing.
/// </summary>
public sealed class RateLimitingTests
{
    private static readonly Activity Hello = new() { Type = ActivityTypes.Message, Text = "hello" };

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CallsOverTheLimitWaitWhileOtherConversationsGoAhead()
    {
        await using var app = new ChatReportApplication().WithSetting("Connector:PermitsPerHalfMinute", "2");
        var connector = app.Get<ConnectorClient>();
        using var third = CancellationTokenSource.CreateLinkedTokenSource(Token);

        await connector.SendToConversationAsync(TestActivities.ServiceUrl, "a:busy", Hello, Token);
        await connector.SendToConversationAsync(TestActivities.ServiceUrl, "a:busy", Hello, Token);
        var queued = connector.SendToConversationAsync(TestActivities.ServiceUrl, "a:busy", Hello, third.Token);
        await connector.SendToConversationAsync(TestActivities.ServiceUrl, "a:quiet", Hello, Token);

        // The quiet conversation got through after the third call was queued, and that call
        // neither reached the channel nor failed: it is waiting for a permit.
        Assert.False(queued.IsCompleted);
        Assert.Equal(2, app.Connector.Requests.Count(r => r.Path.Contains("a%3Abusy", StringComparison.Ordinal)));
        Assert.Single(app.Connector.Requests, r => r.Path.Contains("a%3Aquiet", StringComparison.Ordinal));

        await third.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued);
        Assert.Equal(2, app.Connector.Requests.Count(r => r.Path.Contains("a%3Abusy", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task QueuedCallsAreSentWhenPermitsComeBack()
    {
        await using var app = new ChatReportApplication().WithSetting("Connector:PermitsPerSecond", "1");
        var connector = app.Get<ConnectorClient>();

        var sends = Enumerable.Range(0, 3)
            .Select(i => connector.SendToConversationAsync(TestActivities.ServiceUrl, "a:1", Hello with { Text = $"m{i}" }, Token))
            .ToList();
        await Task.WhenAll(sends);

        Assert.Equal(["m0", "m1", "m2"], app.Connector.Requests.Select(r => r.Json.GetProperty("text").GetString()));
    }
}
