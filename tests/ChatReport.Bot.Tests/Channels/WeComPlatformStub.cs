using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChatReport.Bot.Tests.Channels;

/// <summary>
/// WeCom's server API on loopback, as the bot sees it at <c>WeCom:ApiBaseUrl</c>: gettoken,
/// message/send (which checks the token and agentid), media/get and robots' webhook/send. Tests
/// make tokens expire and queue errcodes the next calls answer with.
/// </summary>
public sealed class WeComPlatformStub : IAsyncDisposable
{
    public const string CorpId = "ww1436e0e65a779aee";
    public const string Secret = "stub-app-secret";
    public const int AgentId = 1000002;
    public const string RobotKey = "693a91f6-7b2c-4bc4-97a0-0ec2a1fa5aaa";
    public static readonly byte[] Photo = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 2, 3];

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<long> _sendErrors = new();
    private readonly ConcurrentQueue<long> _robotErrors = new();
    private readonly ConcurrentQueue<long> _cardErrors = new();
    private readonly Lock _lock = new();
    private string _token = "";
    private int _tokens;

    private WeComPlatformStub(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Every message/send body that was accepted, in order.</summary>
    public ConcurrentQueue<JsonObject> Sent { get; } = new();

    private int _sendCalls;
    private int _mediaDownloads;

    /// <summary>Every message/send call, accepted or not.</summary>
    public int SendCalls => Volatile.Read(ref _sendCalls);

    /// <summary>Every webhook/send body a robot accepted, with its key.</summary>
    public ConcurrentQueue<(string Key, JsonObject Body)> RobotPosts { get; } = new();

    public int MediaDownloads => Volatile.Read(ref _mediaDownloads);

    public int TokensIssued => Volatile.Read(ref _tokens);

    public static async Task<WeComPlatformStub> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var stub = new WeComPlatformStub(app);
        stub.Map(app);
        await app.StartAsync(cancellationToken);
        stub.BaseAddress = new Uri(app.Urls.Single());
        return stub;
    }

    /// <summary>WeCom ends the current token early; the next call with it gets 42001.</summary>
    public void ExpireToken()
    {
        lock (_lock)
        {
            _token = "expired";
        }
    }

    /// <summary>The next message/send calls answer these errcodes, one each.</summary>
    public void FailNextSends(params long[] errcodes)
    {
        foreach (var errcode in errcodes)
        {
            _sendErrors.Enqueue(errcode);
        }
    }

    /// <summary>Refuses the next template card with <paramref name="errcode"/>, whichever sends come before it.</summary>
    public void FailNextTemplateCard(long errcode) => _cardErrors.Enqueue(errcode);

    public void FailNextRobotPosts(params long[] errcodes)
    {
        foreach (var errcode in errcodes)
        {
            _robotErrors.Enqueue(errcode);
        }
    }

    public IEnumerable<JsonObject> SentTo(string userId) =>
        Sent.Where(m => string.Equals((string?)m["touser"], userId, StringComparison.Ordinal));

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private void Map(WebApplication app)
    {
        app.MapGet("/cgi-bin/gettoken", (string? corpid, string? corpsecret) =>
        {
            if (corpid != CorpId || corpsecret != Secret)
            {
                return Results.Json(new { errcode = 40001, errmsg = "invalid credential" });
            }

            var issued = Interlocked.Increment(ref _tokens);
            lock (_lock)
            {
                _token = $"token-{issued}";
                return Results.Json(new { errcode = 0, errmsg = "ok", access_token = _token, expires_in = 7200 });
            }
        });
        app.MapPost("/cgi-bin/message/send", async (HttpRequest request, string? access_token) =>
        {
            Interlocked.Increment(ref _sendCalls);
            var body = (await JsonNode.ParseAsync(request.Body))!.AsObject();
            if (!IsCurrent(access_token))
            {
                return Results.Json(new { errcode = 42001, errmsg = "access_token expired" });
            }

            if (_sendErrors.TryDequeue(out var errcode)
                || ((string?)body["msgtype"] == "template_card" && _cardErrors.TryDequeue(out errcode)))
            {
                return Results.Json(new { errcode, errmsg = "injected" });
            }

            if ((int?)body["agentid"] != AgentId || body["msgtype"] is null || body["touser"] is null)
            {
                return Results.Json(new { errcode = 40008, errmsg = "invalid message" });
            }

            Sent.Enqueue(body);
            return Results.Json(new { errcode = 0, errmsg = "ok", msgid = $"msg-{Sent.Count}" });
        });
        app.MapGet("/cgi-bin/media/get", (string? access_token, string? media_id) =>
        {
            if (!IsCurrent(access_token))
            {
                return Results.Json(new { errcode = 42001, errmsg = "access_token expired" });
            }

            Interlocked.Increment(ref _mediaDownloads);
            return media_id == "media-photo"
                ? Results.Bytes(Photo, "image/jpeg")
                : Results.Json(new { errcode = 40007, errmsg = "invalid media_id" });
        });
        app.MapPost("/cgi-bin/webhook/send", async (HttpRequest request, string? key) =>
        {
            var body = (await JsonNode.ParseAsync(request.Body))!.AsObject();
            if (key != RobotKey)
            {
                return Results.Json(new { errcode = 93000, errmsg = "invalid webhook url" });
            }

            if (_robotErrors.TryDequeue(out var errcode))
            {
                return Results.Json(new { errcode, errmsg = "injected" });
            }

            RobotPosts.Enqueue((key, body));
            return Results.Json(new { errcode = 0, errmsg = "ok" });
        });
    }

    private bool IsCurrent(string? token)
    {
        lock (_lock)
        {
            return !string.IsNullOrEmpty(token) && token == _token;
        }
    }
}
