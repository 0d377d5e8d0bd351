using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Threading.Channels;

namespace ChatReport.Bot.Tests.Support;

/// <summary>
/// Stands in for a channel's Connector service at the bottom of the bot's HttpClient, below the
/// real retry and rate-limit handlers. Records every request and answers with
/// <see cref="Respond"/> (by default 200 and a fresh ResourceResponse id).
/// </summary>
public sealed class FakeConnector : HttpMessageHandler
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly Channel<RecordedRequest> _arrivals = Channel.CreateUnbounded<RecordedRequest>();
    private int _ids;

    public Func<RecordedRequest, HttpResponseMessage> Respond { get; set; }

    public FakeConnector() => Respond = _ => Json(HttpStatusCode.OK, $$"""{"id":"sent-{{Interlocked.Increment(ref _ids)}}"}""");

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>Waits for the next request to arrive (in arrival order).</summary>
    public async Task<RecordedRequest> NextAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        return await _arrivals.Reader.ReadAsync(timeout.Token);
    }

    public static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new RecordedRequest(request.Method, request.RequestUri!, request.Headers.Authorization?.ToString(), body);
        _requests.Enqueue(recorded);
        _arrivals.Writer.TryWrite(recorded);
        var response = Respond(recorded);
        response.RequestMessage = request;
        return response;
    }
}
