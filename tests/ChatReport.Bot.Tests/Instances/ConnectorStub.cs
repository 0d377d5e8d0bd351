using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChatReport.Bot.Tests.Instances;

/// <summary>
/// A Bot Framework channel's Connector on a random loopback port, for bots in other processes:
/// it records every activity posted to a conversation (reply or not), numbered in order of arrival,
/// and answers as the Connector does.
/// </summary>
public sealed class ConnectorStub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private long _next;

    private ConnectorStub(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public ConcurrentQueue<ReceivedActivity> Received { get; } = new();

    public static async Task<ConnectorStub> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var stub = new ConnectorStub(app);
        app.MapPost("/v3/conversations/{conversationId}/activities/{activityId?}", stub.ReceiveAsync);
        await app.StartAsync(cancellationToken);
        stub.BaseAddress = new Uri(app.Urls.Single() + "/");
        return stub;
    }

    /// <summary>How many activities have arrived so far: a mark to tell what came before and after a moment.</summary>
    public long Arrivals => Volatile.Read(ref _next);

    public IReadOnlyList<ReceivedActivity> For(string conversationId) =>
        [.. Received.Where(r => string.Equals(r.ConversationId, conversationId, StringComparison.Ordinal))];

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }

    private async Task<IResult> ReceiveAsync(string conversationId, string? activityId, HttpRequest request)
    {
        using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        var root = body.RootElement;
        Received.Enqueue(new ReceivedActivity(
            conversationId,
            activityId,
            root.TryGetProperty("type", out var type) ? type.GetString() : null,
            root.TryGetProperty("text", out var text) ? text.GetString() : null,
            Interlocked.Increment(ref _next)));
        return Results.Json(new { id = $"stub-{Volatile.Read(ref _next)}" });
    }
}
