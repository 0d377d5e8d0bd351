using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatReport.Bot.Channels.Platform;
using ChatReport.Bot.Connector;
using Microsoft.Extensions.Options;

namespace ChatReport.Bot.Channels.WeCom;

/// <summary>
/// WeCom's server API at <c>WeCom:ApiBaseUrl</c>: the app's access token, <c>message/send</c>,
/// <c>media/get</c> and group robots' <c>webhook/send</c>. Every failure is a
/// <see cref="ConnectorException"/> with an HTTP-like status (see <see cref="PlatformErrors"/>).
/// The HttpClient logs nothing: its URLs carry the access token, the secret or a robot's key.
/// </summary>
public sealed class WeComApiClient : IDisposable
{
    public const string HttpClientName = "ChatReport.WeCom";

    private readonly IHttpClientFactory _clients;
    private readonly WeComOptions _options;
    private readonly AccessTokenCache _tokens;
    private readonly ILogger<WeComApiClient> _logger;

    public WeComApiClient(IHttpClientFactory clients, IOptions<WeComOptions> options, TimeProvider time, ILogger<WeComApiClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _clients = clients;
        _options = options.Value;
        _logger = logger;
        _tokens = new AccessTokenCache(FetchTokenAsync, time);
    }

    /// <summary>How many access tokens were fetched; tests count refreshes with it.</summary>
    public int TokensFetched { get; private set; }

    public void Dispose() => _tokens.Dispose();

    /// <summary>Sends an app message (<c>message/send</c>); returns the platform's msgid.</summary>
    public async Task<string?> SendMessageAsync(JsonObject message, string conversationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        message["agentid"] = _options.AgentId;
        var answer = await CallWithTokenAsync("message/send", token => Post($"/cgi-bin/message/send?access_token={Uri.EscapeDataString(token)}", message), conversationId, cancellationToken);
        return answer.TryGetProperty("msgid", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
    }

    /// <summary>Downloads a member's photo (<c>media/get</c>); an error comes back as JSON instead of bytes.</summary>
    public async Task<(byte[] Content, string ContentType)> DownloadMediaAsync(string mediaId, string conversationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(mediaId);
        for (var attempt = 0; ; attempt++)
        {
            var token = await _tokens.GetAsync(cancellationToken);
            using var request = new HttpRequestMessage(HttpMethod.Get, Url($"/cgi-bin/media/get?access_token={Uri.EscapeDataString(token)}&media_id={Uri.EscapeDataString(mediaId)}"));
            using var response = await SendAsync("media/get", request, conversationId, cancellationToken);
            var contentType = response.Content.Headers.ContentType?.MediaType ?? "application/octet-stream";
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (!contentType.Contains("json", StringComparison.OrdinalIgnoreCase) && !contentType.StartsWith("text/", StringComparison.OrdinalIgnoreCase))
            {
                return (bytes, contentType);
            }

            var (errcode, errmsg) = ReadError(bytes);
            if (errcode == 0)
            {
                throw new ConnectorException("media/get", 502, null, "media/get answered without the file.", conversationId, null);
            }

            if (attempt == 0 && PlatformErrors.IsTokenError(errcode))
            {
                await _tokens.InvalidateAsync(token, cancellationToken);
                continue;
            }

            throw PlatformErrors.Failure("media/get", errcode, errmsg, conversationId);
        }
    }

    /// <summary>Posts to a group robot (<c>webhook/send?key=</c>); robots need no access token.</summary>
    public async Task SendRobotAsync(string webhookKey, JsonObject message, string conversationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(webhookKey);
        using var request = Post($"/cgi-bin/webhook/send?key={Uri.EscapeDataString(webhookKey)}", message);
        using var response = await SendAsync("webhook/send", request, conversationId, cancellationToken);
        var (errcode, errmsg) = ReadError(await response.Content.ReadAsByteArrayAsync(cancellationToken));
        if (errcode != 0)
        {
            throw PlatformErrors.Failure("webhook/send", errcode, errmsg, conversationId);
        }
    }

    private async Task<JsonElement> CallWithTokenAsync(string operation, Func<string, HttpRequestMessage> build, string conversationId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var token = await _tokens.GetAsync(cancellationToken);
            using var request = build(token);
            using var response = await SendAsync(operation, request, conversationId, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var (errcode, errmsg) = ReadError(body);
            if (errcode == 0)
            {
                using var document = JsonDocument.Parse(body);
                return document.RootElement.Clone();
            }

            // WeCom may end a token before its time; one fresh token settles it, a second refusal is real.
            if (attempt == 0 && PlatformErrors.IsTokenError(errcode))
            {
                _logger.LogInformation("WeCom refused the access token on {Operation} (errcode {ErrorCode}); fetching a new one", operation, errcode);
                await _tokens.InvalidateAsync(token, cancellationToken);
                continue;
            }

            throw PlatformErrors.Failure(operation, errcode, errmsg, conversationId);
        }
    }

    private async Task<(string Token, TimeSpan Lifetime)> FetchTokenAsync(CancellationToken cancellationToken)
    {
        TokensFetched++;
        using var request = new HttpRequestMessage(HttpMethod.Get, Url($"/cgi-bin/gettoken?corpid={Uri.EscapeDataString(_options.CorpId ?? "")}&corpsecret={Uri.EscapeDataString(_options.Secret ?? "")}"));
        using var response = await SendAsync("gettoken", request, null, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var (errcode, errmsg) = ReadError(body);
        if (errcode != 0)
        {
            throw PlatformErrors.Failure("gettoken", errcode, errmsg, null);
        }

        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        if (!root.TryGetProperty("access_token", out var token) || token.GetString() is not { Length: > 0 } value)
        {
            throw new ConnectorException("gettoken", 502, null, "gettoken answered without a token.", null, null);
        }

        var seconds = root.TryGetProperty("expires_in", out var expires) && expires.TryGetInt32(out var s) && s > 0 ? s : 7200;
        return (value, TimeSpan.FromSeconds(seconds));
    }

    private async Task<HttpResponseMessage> SendAsync(string operation, HttpRequestMessage request, string? conversationId, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await _clients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is HttpRequestException or TaskCanceledException)
        {
            throw new ConnectorException(operation, null, null, $"WeCom {operation} got no answer: {ex.Message}", conversationId, null, ex);
        }

        if (!response.IsSuccessStatusCode)
        {
            var status = (int)response.StatusCode;
            response.Dispose();
            throw new ConnectorException(operation, status, null, $"WeCom {operation} answered HTTP {status}.", conversationId, null);
        }

        return response;
    }

    private HttpRequestMessage Post(string pathAndQuery, JsonObject body) =>
        new(HttpMethod.Post, Url(pathAndQuery)) { Content = JsonContent.Create(body) };

    private Uri Url(string pathAndQuery) => new(_options.ApiBaseUrl.TrimEnd('/') + pathAndQuery);

    /// <summary>The <c>errcode</c> and <c>errmsg</c> of an answer; a body that is not JSON counts as a bad gateway.</summary>
    private static (long Errcode, string? Errmsg) ReadError(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var errcode = root.TryGetProperty("errcode", out var code) && code.TryGetInt64(out var value) ? value : 0;
            var errmsg = root.TryGetProperty("errmsg", out var message) && message.ValueKind == JsonValueKind.String ? message.GetString() : null;
            return (errcode, errmsg);
        }
        catch (JsonException)
        {
            return (-1, string.Create(CultureInfo.InvariantCulture, $"an answer that is not JSON ({body.Length} bytes)"));
        }
    }
}
