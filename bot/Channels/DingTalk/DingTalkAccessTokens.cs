using System.Text.Json;
using System.Text.Json.Nodes;
using ChatReport.Bot.Connector;
using Microsoft.Extensions.Options;

namespace ChatReport.Bot.Channels.DingTalk;

/// <summary>
/// The app's access token: fetched once, kept until five minutes before it expires, fetched by
/// one caller at a time (the others wait for it), and dropped when DingTalk says it expired.
/// DingTalk rate-limits the token endpoint, so a token per request is not an option.
/// </summary>
public sealed class DingTalkAccessTokens(IHttpClientFactory httpClients, IOptions<DingTalkOptions> options, TimeProvider time, ILogger<DingTalkAccessTokens> logger) : IDisposable
{
    private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private HeldToken? _current;

    public async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        if (Fresh() is { } token)
        {
            return token;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            return Fresh() ?? await FetchAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forgets <paramref name="token"/> unless another caller has already replaced it.</summary>
    public void Invalidate(string token)
    {
        var current = Volatile.Read(ref _current);
        if (current is not null && string.Equals(current.Token, token, StringComparison.Ordinal))
        {
            Interlocked.CompareExchange(ref _current, null, current);
        }
    }

    public void Dispose() => _gate.Dispose();

    private string? Fresh() => Volatile.Read(ref _current) is { } held && time.GetUtcNow() < held.RenewAt ? held.Token : null;

    private async Task<string> FetchAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var uri = new Uri(settings.ApiBaseUrl, "/v1.0/oauth2/accessToken");
        HttpResponseMessage response;
        try
        {
            response = await httpClients.CreateClient(DingTalkApi.HttpClientName).PostAsJsonAsync(
                uri, new JsonObject { ["appKey"] = settings.AppKey, ["appSecret"] = settings.AppSecret }, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is HttpRequestException or OperationCanceledException)
        {
            throw new ConnectorException("DingTalkAccessToken", null, null, $"DingTalk's token endpoint did not answer: {ex.Message}", null, null, ex);
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var (token, expiresIn) = Read(body);
            if (!response.IsSuccessStatusCode || token is null)
            {
                var (code, message) = DingTalkApi.ReadError(body);
                var status = response.IsSuccessStatusCode ? 502 : (int)response.StatusCode;
                logger.LogError("DingTalk refused the app's access token with {StatusCode} {ErrorCode}: {Message}", status, code, message);
                throw new ConnectorException("DingTalkAccessToken", status, code, $"DingTalk refused the app's access token ({status} {code}): {message}", null, null);
            }

            var lifetime = TimeSpan.FromSeconds(Math.Max(expiresIn, 60));
            // A short-lived token is still used once rather than refetched on every call.
            var renewAt = time.GetUtcNow() + (lifetime > RenewBefore * 2 ? lifetime - RenewBefore : lifetime / 2);
            Volatile.Write(ref _current, new HeldToken(token, renewAt));
            logger.LogInformation("Got a DingTalk access token valid for {Lifetime}", lifetime);
            return token;
        }
    }

    private static (string? Token, long ExpiresIn) Read(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("accessToken", out var token) || token.ValueKind != JsonValueKind.String)
            {
                return (null, 0);
            }

            var expiresIn = root.TryGetProperty("expireIn", out var expire) && expire.TryGetInt64(out var seconds) ? seconds : 7200;
            return (token.GetString(), expiresIn);
        }
        catch (JsonException)
        {
            return (null, 0);
        }
    }

    private sealed record HeldToken(string Token, DateTimeOffset RenewAt);
}
