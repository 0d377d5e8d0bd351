using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace ChatReport.Bot.Tests.Authentication;

/// <summary>
/// An in-process primary handler that answers every request itself and records it, so that
/// tests can check requests meant for real Azure addresses without sending a byte anywhere.
/// </summary>
public sealed class RecordingHandler(string responseJson) : HttpMessageHandler
{
    public ConcurrentQueue<(HttpMethod Method, Uri Uri, string? Body)> Requests { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Enqueue((request.Method, request.RequestUri!, body));
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(responseJson, Encoding.UTF8, "application/json") };
    }
}
