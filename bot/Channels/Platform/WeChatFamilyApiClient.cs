using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatReport.Bot.Connector;

namespace ChatReport.Bot.Channels.Platform;

/// <summary>
/// What the WeChat and WeCom server APIs share: an access token in the query (cached, and fetched
/// anew once when the platform ends it early), answers that are HTTP 200 with an <c>errcode</c>,
/// and <c>media/get</c>. Every failure is a <see cref="ConnectorException"/> with an HTTP-like
/// status (see <see cref="PlatformErrors"/>). The HttpClient logs nothing: its URLs carry the token.
/// </summary>
public abstract class WeChatFamilyApiClient : IDisposable
{
    private readonly IHttpClientFactory _clients;
    private readonly string _httpClientName;
    private readonly string _apiBaseUrl;
    private readonly AccessTokenCache _tokens;
    private readonly ILogger _logger;

    protected WeChatFamilyApiClient(IHttpClientFactory clients, string httpClientName, string apiBaseUrl, TimeProvider time, ILogger logger)
    {
        _clients = clients;
        _httpClientName = httpClientName;
        _apiBaseUrl = apiBaseUrl;
        _logger = logger;
        _tokens = new AccessTokenCache(FetchTokenAsync, time);
    }

    /// <summary>The platform's name in messages: WeChat, WeCom.</summary>
    protected abstract string Name { get; }

    /// <summary>The token endpoint's operation name, for errors: <c>stable_token</c>, <c>gettoken</c>.</summary>
    protected abstract string TokenOperation { get; }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Downloads a sender's photo (<c>media/get</c>); an error comes back as JSON instead of bytes.</summary>
    public async Task<(byte[] Content, string ContentType)> DownloadMediaAsync(string mediaId, string conversationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(mediaId);
        (byte[] Content, string ContentType)? file = null;
        await CallWithTokenAsync(
            "media/get",
            token => new HttpRequestMessage(HttpMethod.Get, Url($"/cgi-bin/media/get?access_token={Uri.EscapeDataString(token)}&media_id={Uri.EscapeDataString(mediaId)}")),
            conversationId,
            (contentType, bytes) =>
            {
                var isFile = !contentType.Contains("json", StringComparison.OrdinalIgnoreCase) && !contentType.StartsWith("text/", StringComparison.OrdinalIgnoreCase);
                file = isFile ? (bytes, contentType) : null;
                return isFile;
            },
            cancellationToken);
        return file ?? throw new ConnectorException("media/get", 502, null, "media/get answered without the file.", conversationId, null);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _tokens.Dispose();
        }
    }

    /// <summary>The token request: the platform's own endpoint and credentials.</summary>
    protected abstract HttpRequestMessage TokenRequest();

    /// <summary>
    /// Calls an operation with the current token; a refused token is replaced and the call made
    /// once more, a second refusal is real. <paramref name="isAnswer"/> takes a body that is not
    /// an errcode (a file); <paramref name="refine"/> names errors the platform means particularly.
    /// </summary>
    protected async Task<JsonElement> CallWithTokenAsync(
        string operation,
        Func<string, HttpRequestMessage> build,
        string? conversationId,
        Func<string, byte[], bool>? isAnswer,
        CancellationToken cancellationToken,
        Func<long, ConnectorException?>? refine = null)
    {
        ArgumentNullException.ThrowIfNull(build);
        for (var attempt = 0; ; attempt++)
        {
            var token = await _tokens.GetAsync(cancellationToken);
            using var request = build(token);
            using var response = await SendAsync(operation, request, conversationId, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (isAnswer?.Invoke(response.Content.Headers.ContentType?.MediaType ?? "application/octet-stream", body) == true)
            {
                return default;
            }

            var (errcode, errmsg) = ReadError(body);
            if (errcode == 0)
            {
                // Asked for a file, given JSON without an error: the caller says what that means.
                if (isAnswer is not null)
                {
                    return default;
                }

                using var document = JsonDocument.Parse(body);
                return document.RootElement.Clone();
            }

            if (attempt == 0 && PlatformErrors.IsTokenError(errcode))
            {
                _logger.LogInformation("{Platform} refused the access token on {Operation} (errcode {ErrorCode}); fetching a new one", Name, operation, errcode);
                await _tokens.InvalidateAsync(token, cancellationToken);
                continue;
            }

            throw refine?.Invoke(errcode) ?? PlatformErrors.Failure(operation, errcode, errmsg, conversationId);
        }
    }

    protected async Task<HttpResponseMessage> SendAsync(string operation, HttpRequestMessage request, string? conversationId, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await _clients.CreateClient(_httpClientName).SendAsync(request, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is HttpRequestException or TaskCanceledException)
        {
            throw new ConnectorException(operation, null, null, $"{Name} {operation} got no answer: {ex.Message}", conversationId, null, ex);
        }

        if (!response.IsSuccessStatusCode)
        {
            var status = (int)response.StatusCode;
            response.Dispose();
            throw new ConnectorException(operation, status, null, $"{Name} {operation} answered HTTP {status}.", conversationId, null);
        }

        return response;
    }

    protected HttpRequestMessage Post(string pathAndQuery, JsonObject body) =>
        new(HttpMethod.Post, Url(pathAndQuery)) { Content = JsonContent.Create(body) };

    protected Uri Url(string pathAndQuery) => new(_apiBaseUrl.TrimEnd('/') + pathAndQuery);

    /// <summary>The <c>errcode</c> and <c>errmsg</c> of an answer; a body that is not JSON counts as a bad gateway.</summary>
    protected static (long Errcode, string? Errmsg) ReadError(byte[] body)
    {
        ArgumentNullException.ThrowIfNull(body);
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

    private async Task<(string Token, TimeSpan Lifetime)> FetchTokenAsync(CancellationToken cancellationToken)
    {
        using var request = TokenRequest();
        using var response = await SendAsync(TokenOperation, request, null, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var (errcode, errmsg) = ReadError(body);
        if (errcode != 0)
        {
            throw PlatformErrors.Failure(TokenOperation, errcode, errmsg, null);
        }

        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        if (!root.TryGetProperty("access_token", out var token) || token.GetString() is not { Length: > 0 } value)
        {
            throw new ConnectorException(TokenOperation, 502, null, $"{TokenOperation} answered without a token.", null, null);
        }

        var seconds = root.TryGetProperty("expires_in", out var expires) && expires.TryGetInt32(out var s) && s > 0 ? s : 7200;
        return (value, TimeSpan.FromSeconds(seconds));
    }
}
