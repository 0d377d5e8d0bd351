using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChatReport.Bench;

/// <summary>
/// A channel's Connector service on loopback. It notes when the first reply to each activity
/// arrives (latency runs from the request leaving the load generator to the reply landing), counts
/// every accepted reply by identity (conversation, replyToId, text) so duplicates show, and can
/// misbehave on purpose (<see cref="Faults"/>). A refused or stalled call is not a delivery.
/// </summary>
internal sealed class ConnectorStub : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<Reply>> _waiting = new();
    private readonly ConcurrentDictionary<string, int> _deliveries = new();
    private readonly WebApplication _app;
    private long _accepted;
    private long _tooManyRequests;
    private long _unavailable;
    private long _stalled;
    private long _sends;

    public ConnectorStub()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", (HttpContext context, string conversationId, string activityId) =>
            ReceiveAsync(context, conversationId, activityId));
        _app.MapPost("/v3/conversations/{conversationId}/activities", (HttpContext context, string conversationId) =>
            ReceiveAsync(context, conversationId, null));
    }

    public FaultPlan Faults { get; set; } = FaultPlan.None;

    public string ServiceUrl => _app.Urls.First() + "/";

    /// <summary>Replies accepted (200), including duplicates.</summary>
    public long Accepted => Interlocked.Read(ref _accepted);

    /// <summary>Calls answered 429, 503, and stalled.</summary>
    public (long TooManyRequests, long Unavailable, long Stalled) Refused =>
        (Interlocked.Read(ref _tooManyRequests), Interlocked.Read(ref _unavailable), Interlocked.Read(ref _stalled));

    /// <summary>Accepted calls without a replyToId (proactive sends, notifications).</summary>
    public long Sends => Interlocked.Read(ref _sends);

    /// <summary>Reply identities accepted more than once, with their counts.</summary>
    public IReadOnlyList<KeyValuePair<string, int>> Duplicates => [.. _deliveries.Where(d => d.Value > 1)];

    /// <summary>Distinct reply identities accepted.</summary>
    public int DistinctReplies => _deliveries.Count;

    /// <summary>The texts of the replies accepted so far for one activity, however late they came.</summary>
    public IReadOnlyList<string> RepliesTo(string conversationId, string activityId) =>
        [.. _deliveries.Keys
            .Where(k => k.StartsWith($"{conversationId}|{activityId}|", StringComparison.Ordinal))
            .Select(k => k[($"{conversationId}|{activityId}|".Length)..])];

    public Task StartAsync() => _app.StartAsync();

    /// <summary>Completes with the first reply to <paramref name="activityId"/> (timestamp and text).</summary>
    public Task<Reply> WaitForReplyAsync(string activityId)
    {
        var arrival = new TaskCompletionSource<Reply>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[activityId] = arrival;
        return arrival.Task;
    }

    /// <summary>Stops waiting for a reply (the caller gave up or finished), so the table does not grow.</summary>
    public void Forget(string activityId) => _waiting.TryRemove(activityId, out _);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<IResult> ReceiveAsync(HttpContext context, string conversationId, string? activityId)
    {
        string? text = null;
        string? replyToId = activityId;
        using (var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted))
        {
            if (body.RootElement.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String)
            {
                text = t.GetString();
            }

            if (replyToId is null && body.RootElement.TryGetProperty("replyToId", out var r) && r.ValueKind == JsonValueKind.String)
            {
                replyToId = r.GetString();
            }
        }

        var faults = Faults;
        var roll = Random.Shared.NextDouble();
        if (roll < faults.TooManyRequests)
        {
            Interlocked.Increment(ref _tooManyRequests);
            context.Response.Headers.RetryAfter = "1";
            return Results.StatusCode(StatusCodes.Status429TooManyRequests);
        }

        if (roll < faults.TooManyRequests + faults.Unavailable)
        {
            Interlocked.Increment(ref _unavailable);
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        if (roll < faults.TooManyRequests + faults.Unavailable + faults.Stalls)
        {
            Interlocked.Increment(ref _stalled);
            try
            {
                await Task.Delay(faults.Stall, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
            }

            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        Interlocked.Increment(ref _accepted);
        if (replyToId is null)
        {
            Interlocked.Increment(ref _sends);
            return Results.Ok(new { id = "sent-" + Guid.NewGuid().ToString("N") });
        }

        _deliveries.AddOrUpdate($"{conversationId}|{replyToId}|{text}", 1, (_, n) => n + 1);
        if (_waiting.TryRemove(replyToId, out var arrival))
        {
            arrival.TrySetResult(new Reply(Stopwatch.GetTimestamp(), text, context.Request.Headers.Authorization.FirstOrDefault()));
        }

        return Results.Ok(new { id = $"reply-{replyToId}" });
    }
}
