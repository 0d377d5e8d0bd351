using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChatReport.Bot.Tests.DingTalk;

/// <summary>
/// DingTalk on a random loopback port, written from the platform's documentation: the OAuth
/// token, robot send-to-users (batchSend) and send-to-group, message file download with a
/// temporary download URL, session webhooks (which can be made to refuse, as expired ones do),
/// and custom robot webhooks that check their own signature over the same clock as the bot.
/// </summary>
public sealed class DingTalkStub : IAsyncDisposable
{
    public const string AppKey = "dingappkey0001";
    public const string AppSecret = "app-secret-测试-0001";
    public const string RobotCode = "dingrobot0001";
    public const string RobotToken = "0123456789abcdef0123456789abcdef";
    public const string RobotSecret = "SEC0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    /// <summary>A tiny PNG: the picture a member sends.</summary>
    public static readonly byte[] Picture = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private readonly WebApplication _app;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, bool> _tokens = new(StringComparer.Ordinal);
    private readonly System.Threading.Channels.Channel<StubMessage> _arrivals = System.Threading.Channels.Channel.CreateUnbounded<StubMessage>();
    private int _tokenRequests;

    private DingTalkStub(WebApplication app, TimeProvider time)
    {
        _app = app;
        _time = time;
    }

    public Uri BaseAddress { get; private set; } = null!;

    public ConcurrentQueue<StubMessage> Messages { get; } = new();

    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    /// <summary>Session ids whose webhook answers as an expired one does.</summary>
    public ConcurrentDictionary<string, bool> ExpiredSessions { get; } = new(StringComparer.Ordinal);

    /// <summary>When set, send-to-users answers 429 with DingTalk's throttling code.</summary>
    public bool ThrottleUserSends { get; set; }

    /// <summary>When set, token requests wait for it before they are answered.</summary>
    public TaskCompletionSource? HoldTokens { get; set; }

    /// <summary>Custom robot webhook calls refused for a bad signature.</summary>
    public int RobotSignatureFailures { get; private set; }

    public static async Task<DingTalkStub> StartAsync(TimeProvider time, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var stub = new DingTalkStub(app, time);
        stub.Map(app);
        await app.StartAsync(cancellationToken);
        stub.BaseAddress = new Uri(app.Urls.Single());
        return stub;
    }

    public string SessionWebhook(string session) => new Uri(BaseAddress, "/robot/sendBySession?session=" + Uri.EscapeDataString(session)).AbsoluteUri;

    public string RobotWebhook => new Uri(BaseAddress, "/robot/send?access_token=" + RobotToken).AbsoluteUri;

    /// <summary>Every token handed out so far now counts as expired.</summary>
    public void ExpireTokens()
    {
        foreach (var token in _tokens.Keys)
        {
            _tokens[token] = false;
        }
    }

    /// <summary>The next message to arrive (or one already queued that was not taken yet).</summary>
    public async Task<StubMessage> NextAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        return await _arrivals.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>Forgets what arrived so far, so the next assertions see only new messages.</summary>
    public void Clear()
    {
        Messages.Clear();
        while (_arrivals.Reader.TryRead(out _))
        {
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private void Map(WebApplication app)
    {
        app.MapPost("/v1.0/oauth2/accessToken", async (HttpRequest request) =>
        {
            Interlocked.Increment(ref _tokenRequests);
            if (HoldTokens is { } hold)
            {
                // The test releases it; a test that fails first must not leave the request hanging.
#pragma warning disable VSTHRD003 // Waiting for the test's signal is the point.
                await hold.Task.WaitAsync(TimeSpan.FromMinutes(1), request.HttpContext.RequestAborted);
#pragma warning restore VSTHRD003
            }

            using var body = await JsonDocument.ParseAsync(request.Body);
            if (body.RootElement.GetProperty("appKey").GetString() != AppKey || body.RootElement.GetProperty("appSecret").GetString() != AppSecret)
            {
                return Results.Json(new { code = "invalidClientIdOrSecret", message = "无效的clientId或者clientSecret" }, statusCode: 400);
            }

            var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            _tokens[token] = true;
            return Results.Json(new { accessToken = token, expireIn = 7200 });
        });

        app.MapPost("/v1.0/robot/oToMessages/batchSend", async (HttpRequest request) =>
        {
            if (CheckToken(request) is { } refused)
            {
                return refused;
            }

            using var body = await JsonDocument.ParseAsync(request.Body);
            var root = body.RootElement;
            var users = root.GetProperty("userIds").EnumerateArray().Select(u => u.GetString()!).ToList();
            if (users.Count > 20)
            {
                return Results.Json(new { code = "invalidParameter.userIds.overMax", message = "userIds over 20" }, statusCode: 400);
            }

            if (ThrottleUserSends)
            {
                return Results.Json(new { code = "Throttling.Api", message = "流控" }, statusCode: 429);
            }

            foreach (var user in users)
            {
                Record(FromOpenApi("user", user, root));
            }

            return Results.Json(new { processQueryKey = "pqk-" + Guid.NewGuid().ToString("N"), invalidStaffIdList = Array.Empty<string>(), flowControlledStaffIdList = Array.Empty<string>() });
        });

        app.MapPost("/v1.0/robot/groupMessages/send", async (HttpRequest request) =>
        {
            if (CheckToken(request) is { } refused)
            {
                return refused;
            }

            using var body = await JsonDocument.ParseAsync(request.Body);
            var root = body.RootElement;
            if (Encoding.UTF8.GetByteCount(root.GetProperty("msgParam").GetString()!) > 15000)
            {
                return Results.Json(new { code = "invalidParameter.msgParam", message = "too long" }, statusCode: 400);
            }

            Record(FromOpenApi("group", root.GetProperty("openConversationId").GetString()!, root));
            return Results.Json(new { processQueryKey = "pqk-" + Guid.NewGuid().ToString("N") });
        });

        app.MapPost("/v1.0/robot/messageFiles/download", async (HttpRequest request) =>
        {
            if (CheckToken(request) is { } refused)
            {
                return refused;
            }

            using var body = await JsonDocument.ParseAsync(request.Body);
            var code = body.RootElement.GetProperty("downloadCode").GetString();
            return body.RootElement.GetProperty("robotCode").GetString() != RobotCode
                ? Results.Json(new { code = "invalidParameter.robotCode", message = "robotCode" }, statusCode: 400)
                : Results.Json(new { downloadUrl = new Uri(BaseAddress, "/files/" + Uri.EscapeDataString(code!) + "?expires=temporary").AbsoluteUri });
        });

        app.MapGet("/files/{code}", (string code) => Results.Bytes(Picture, "image/png"));

        app.MapPost("/robot/sendBySession", async (HttpRequest request) =>
        {
            var session = request.Query["session"].ToString();
            if (ExpiredSessions.ContainsKey(session))
            {
                return Results.Json(new { errcode = 300001, errmsg = "session 不存在或已过期" });
            }

            using var body = await JsonDocument.ParseAsync(request.Body);
            Record(FromWebhook("session", session, body.RootElement));
            return Results.Json(new { errcode = 0, errmsg = "ok" });
        });

        app.MapPost("/robot/send", async (HttpRequest request) =>
        {
            if (request.Query["access_token"] != RobotToken)
            {
                return Results.Json(new { errcode = 300001, errmsg = "token is not exist" });
            }

            // Recomputed here from the documentation, not with the bot's code.
            var timestamp = request.Query["timestamp"].ToString();
            var sign = request.Query["sign"].ToString();
            using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(RobotSecret));
            var expected = Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(timestamp + "\n" + RobotSecret)));
            var fresh = long.TryParse(timestamp, out var ms) && Math.Abs(_time.GetUtcNow().ToUnixTimeMilliseconds() - ms) <= 3_600_000;
            if (!fresh || sign != expected)
            {
                RobotSignatureFailures++;
                return Results.Json(new { errcode = 310000, errmsg = "sign not match" });
            }

            using var body = await JsonDocument.ParseAsync(request.Body);
            Record(FromWebhook("robot", RobotToken, body.RootElement));
            return Results.Json(new { errcode = 0, errmsg = "ok" });
        });
    }

    private IResult? CheckToken(HttpRequest request) =>
        _tokens.TryGetValue(request.Headers["x-acs-dingtalk-access-token"].ToString(), out var valid) && valid
            ? null
            : Results.Json(new { code = "InvalidAuthentication", message = "不合法的access_token" }, statusCode: (int)HttpStatusCode.BadRequest);

    private void Record(StubMessage message)
    {
        Messages.Enqueue(message);
        _arrivals.Writer.TryWrite(message);
    }

    private static StubMessage FromOpenApi(string route, string target, JsonElement root)
    {
        var key = root.GetProperty("msgKey").GetString()!;
        using var param = JsonDocument.Parse(root.GetProperty("msgParam").GetString()!);
        var p = param.RootElement;
        var raw = root.Clone();
        return key switch
        {
            "sampleText" => new StubMessage(route, target, "text", p.GetProperty("content").GetString()!, [], raw),
            "sampleMarkdown" => new StubMessage(route, target, "markdown", p.GetProperty("text").GetString()!, [], raw),
            "sampleActionCard" => new StubMessage(route, target, "actionCard", p.GetProperty("text").GetString()!, [(p.GetProperty("singleTitle").GetString()!, p.GetProperty("singleURL").GetString()!)], raw),
            _ when key.StartsWith("sampleActionCard", StringComparison.Ordinal) => new StubMessage(
                route,
                target,
                "actionCard",
                p.GetProperty("text").GetString()!,
                [.. Enumerable.Range(1, int.Parse(key["sampleActionCard".Length..], System.Globalization.CultureInfo.InvariantCulture))
                    .Select(i => (p.GetProperty($"actionTitle{i}").GetString()!, p.GetProperty($"actionURL{i}").GetString()!))],
                raw),
            _ => throw new InvalidOperationException("Unknown msgKey " + key),
        };
    }

    private static StubMessage FromWebhook(string route, string target, JsonElement root)
    {
        var type = root.GetProperty("msgtype").GetString()!;
        var raw = root.Clone();
        switch (type)
        {
            case "text":
                return new StubMessage(route, target, "text", root.GetProperty("text").GetProperty("content").GetString()!, [], raw);
            case "markdown":
                return new StubMessage(route, target, "markdown", root.GetProperty("markdown").GetProperty("text").GetString()!, [], raw);
            case "actionCard":
                var card = root.GetProperty("actionCard");
                var buttons = card.TryGetProperty("btns", out var btns)
                    ? btns.EnumerateArray().Select(b => (b.GetProperty("title").GetString()!, b.GetProperty("actionURL").GetString()!)).ToList()
                    : [(card.GetProperty("singleTitle").GetString()!, card.GetProperty("singleURL").GetString()!)];
                return new StubMessage(route, target, "actionCard", card.GetProperty("text").GetString()!, buttons, raw);
            default:
                throw new InvalidOperationException("Unknown msgtype " + type);
        }
    }
}
