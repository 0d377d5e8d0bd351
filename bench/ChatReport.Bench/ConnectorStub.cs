using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChatReport.Bench;

/// <summary>
/// A channel's Connector service on loopback that notes when the reply to each activity
/// arrives, so latency runs from the request leaving the load generator to the reply landing.
/// </summary>
internal sealed class ConnectorStub : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<long>> _waiting = new();
    private readonly WebApplication _app;

    public ConnectorStub()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", (string conversationId, string activityId) =>
        {
            if (_waiting.TryRemove(activityId, out var arrival))
            {
                arrival.TrySetResult(Stopwatch.GetTimestamp());
            }

            return TypedResults.Ok(new { id = $"reply-{activityId}" });
        });
        _app.MapPost("/v3/conversations/{conversationId}/activities", (string conversationId) => TypedResults.Ok(new { id = "sent" }));
    }

    public string ServiceUrl => _app.Urls.First() + "/";

    public Task StartAsync() => _app.StartAsync();

    /// <summary>Completes with the timestamp at which the reply to <paramref name="activityId"/> arrived.</summary>
    public Task<long> WaitForReplyAsync(string activityId)
    {
        var arrival = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[activityId] = arrival;
        return arrival.Task;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
