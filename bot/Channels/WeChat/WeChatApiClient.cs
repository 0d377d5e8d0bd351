using System.Text.Json;
using System.Text.Json.Nodes;
using ChatReport.Bot.Channels.Platform;
using ChatReport.Bot.Connector;
using Microsoft.Extensions.Options;

namespace ChatReport.Bot.Channels.WeChat;

/// <summary>
/// The Official Account API at <c>WeChat:ApiBaseUrl</c>: <c>stable_token</c>, customer-service
/// messages (<c>message/custom/send</c>) and <c>media/get</c>. Failures are
/// <see cref="ConnectorException"/>s with HTTP-like statuses (<see cref="PlatformErrors"/>); the
/// closed 48-hour window (45015) is a final 403. The HttpClient logs nothing (tokens in URLs).
/// </summary>
public sealed class WeChatApiClient : IDisposable
{
    public const string HttpClientName = "ChatReport.WeChat";

    private readonly IHttpClientFactory _clients;
    private readonly WeChatOptions _options;
    private readonly AccessTokenCache _tokens;

    public WeChatApiClient(IHttpClientFactory clients, IOptions<WeChatOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _clients = clients;
        _options = options.Value;
        _tokens = new AccessTokenCache(FetchTokenAsync, time);
    }

    public void Dispose() => _tokens.Dispose();

    /// <summary>A customer-service message to a follower, inside the 48 hours after they last wrote.</summary>
    public async Task SendCustomMessageAsync(JsonObject message, string openId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var token = await _tokens.GetAsync(cancellationToken);
            using var request = new HttpRequestMessage(HttpMethod.Post, Url($"/cgi-bin/message/custom/send?access_token={Uri.EscapeDataString(token)}")) { Content = JsonContent.Create(message) };
            using var response = await SendAsync("message/custom/send", request, openId, cancellationToken);
            var (errcode, errmsg) = ReadError(await response.Content.ReadAsByteArrayAsync(cancellationToken));
            if (errcode == 0)
            {
                return;
            }

            if (attempt == 0 && PlatformErrors.IsTokenError(errcode))
            {
                await _tokens.InvalidateAsync(token, cancellationToken);
                continue;
            }

            throw errcode == 45015
                ? new ConnectorException("message/custom/send", 403, "45015", "WeChat's 48-hour customer-service window for this follower has closed (45015): they must write to the account again before it can answer.", openId, null)
                : PlatformErrors.Failure("message/custom/send", errcode, errmsg, openId);
        }
    }

    /// <summary>Downloads a follower's photo (<c>media/get</c>).</summary>
    public async Task<(byte[] Content, string ContentType)> DownloadMediaAsync(string mediaId, string openId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var token = await _tokens.GetAsync(cancellationToken);
            using var request = new HttpRequestMessage(HttpMethod.Get, Url($"/cgi-bin/media/get?access_token={Uri.EscapeDataString(token)}&media_id={Uri.EscapeDataString(mediaId)}"));
            using var response = await SendAsync("media/get", request, openId, cancellationToken);
            var contentType = response.Content.Headers.ContentType?.MediaType ?? "application/octet-stream";
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (!contentType.Contains("json", StringComparison.OrdinalIgnoreCase) && !contentType.StartsWith("text/", StringComparison.OrdinalIgnoreCase))
            {
                return (bytes, contentType);
            }

            var (errcode, errmsg) = ReadError(bytes);
            if (attempt == 0 && PlatformErrors.IsTokenError(errcode))
            {
                await _tokens.InvalidateAsync(token, cancellationToken);
                continue;
            }

            throw PlatformErrors.Failure("media/get", errcode == 0 ? -1 : errcode, errmsg, openId);
        }
    }

    private async Task<(string Token, TimeSpan Lifetime)> FetchTokenAsync(CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["grant_type"] = "client_credential", ["appid"] = _options.AppId, ["secret"] = _options.AppSecret, ["force_refresh"] = false };
        using var request = new HttpRequestMessage(HttpMethod.Post, Url("/cgi-bin/stable_token")) { Content = JsonContent.Create(body) };
        using var response = await SendAsync("stable_token", request, null, cancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var (errcode, errmsg) = ReadError(bytes);
        if (errcode != 0)
        {
            throw PlatformErrors.Failure("stable_token", errcode, errmsg, null);
        }

        using var document = JsonDocument.Parse(bytes);
        var root = document.RootElement;
        if (!root.TryGetProperty("access_token", out var token) || token.GetString() is not { Length: > 0 } value)
        {
            throw new ConnectorException("stable_token", 502, null, "stable_token answered without a token.", null, null);
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
            throw new ConnectorException(operation, null, null, $"WeChat {operation} got no answer: {ex.Message}", conversationId, null, ex);
        }

        if (!response.IsSuccessStatusCode)
        {
            var status = (int)response.StatusCode;
            response.Dispose();
            throw new ConnectorException(operation, status, null, $"WeChat {operation} answered HTTP {status}.", conversationId, null);
        }

        return response;
    }

    private Uri Url(string pathAndQuery) => new(_options.ApiBaseUrl.TrimEnd('/') + pathAndQuery);

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
            return (-1, "an answer that is not JSON");
        }
    }
}
