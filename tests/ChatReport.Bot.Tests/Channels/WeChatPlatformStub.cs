using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChatReport.Bot.Tests.Channels;

/// <summary>
/// The Official Account API on loopback: stable_token, message/custom/send (refusing followers
/// whose 48-hour window the test closed with 45015) and media/get.
/// </summary>
public sealed class WeChatPlatformStub : IAsyncDisposable
{
    public const string AppId = "wxba5fad812f8e6fb9";
    public const string AppSecret = "stub-oa-secret";

    private readonly WebApplication _app;
    private int _tokens;

    private WeChatPlatformStub(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public ConcurrentQueue<JsonObject> Sent { get; } = new();

    /// <summary>Followers who have not written for 48 hours.</summary>
    public ConcurrentDictionary<string, bool> WindowClosed { get; } = new(StringComparer.Ordinal);

    public int TokensIssued => Volatile.Read(ref _tokens);

    public static async Task<WeChatPlatformStub> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var stub = new WeChatPlatformStub(app);
        stub.Map(app);
        await app.StartAsync(cancellationToken);
        stub.BaseAddress = new Uri(app.Urls.Single());
        return stub;
    }

    public IEnumerable<JsonObject> SentTo(string openId) =>
        Sent.Where(m => string.Equals((string?)m["touser"], openId, StringComparison.Ordinal));

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private void Map(WebApplication app)
    {
        app.MapPost("/cgi-bin/stable_token", async (HttpRequest request) =>
        {
            var body = (await JsonNode.ParseAsync(request.Body))!.AsObject();
            if ((string?)body["appid"] != AppId || (string?)body["secret"] != AppSecret || (string?)body["grant_type"] != "client_credential")
            {
                return Results.Json(new { errcode = 40013, errmsg = "invalid appid" });
            }

            return Results.Json(new { access_token = $"oa-token-{Interlocked.Increment(ref _tokens)}", expires_in = 7200 });
        });
        app.MapPost("/cgi-bin/message/custom/send", async (HttpRequest request, string? access_token) =>
        {
            var body = (await JsonNode.ParseAsync(request.Body))!.AsObject();
            if (access_token != $"oa-token-{TokensIssued}")
            {
                return Results.Json(new { errcode = 40001, errmsg = "invalid credential" });
            }

            if (WindowClosed.ContainsKey((string?)body["touser"] ?? ""))
            {
                return Results.Json(new { errcode = 45015, errmsg = "response out of time limit or subscription is canceled" });
            }

            Sent.Enqueue(body);
            return Results.Json(new { errcode = 0, errmsg = "ok" });
        });
        app.MapGet("/cgi-bin/media/get", (string? media_id) => media_id == "media-photo"
            ? Results.Bytes(WeComPlatformStub.Photo, "image/jpeg")
            : Results.Json(new { errcode = 40007, errmsg = "invalid media_id" }));
    }
}
