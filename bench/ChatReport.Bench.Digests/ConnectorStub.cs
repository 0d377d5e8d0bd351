using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ChatReport.Bench.Digests;

/// <summary>
/// A local stand-in for the Bot Connector: accepts <c>POST v3/conversations/{id}/activities</c>
/// on a free port and answers with an activity id, as the channel would.
/// </summary>
internal sealed class ConnectorStub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _received;

    private ConnectorStub(WebApplication app) => _app = app;

    public int Received => _received;

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<ConnectorStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var stub = new ConnectorStub(app);
        app.MapPost("/v3/conversations/{conversationId}/activities", async (string conversationId, HttpRequest request) =>
        {
            using var body = await JsonDocument.ParseAsync(request.Body);
            var id = Interlocked.Increment(ref stub._received);
            return Results.Json(new { id = $"{WebUtility.UrlEncode(conversationId)}|{id}" });
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        stub.BaseAddress = new Uri(address + "/");
        return stub;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
