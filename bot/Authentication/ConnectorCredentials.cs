using System.Globalization;
using System.Net;
using System.Text.Json;

namespace ChatReport.Bot.Authentication;

/// <summary>
/// The bot's bearer token for Connector calls (botframework-protocol.md §4.2): client credentials
/// against the login URL for MultiTenant and SingleTenant bots, the platform's identity endpoint
/// for a user-assigned managed identity, none at all when authentication is off. A token is
/// reused until five minutes before it expires, and concurrent callers share one request.
/// </summary>
public sealed class ConnectorCredentials : IConnectorCredentials, IDisposable
{
    public const string HttpClientName = "ChatReport.Authentication.Token";

    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    // After a failed refresh the current token is still good; don't ask again on every call.
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(30);

    private readonly BotFrameworkSettings _settings;
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly TimeProvider _time;
    private readonly ILogger<ConnectorCredentials> _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile CachedToken? _cached;

    public ConnectorCredentials(
        BotFrameworkSettings settings,
        IHttpClientFactory httpClientFactory,
        TimeProvider time,
        ILogger<ConnectorCredentials> logger)
    {
        _settings = settings;
        _httpClientFactory = httpClientFactory;
        _time = time;
        _logger = logger;
    }

    public async Task<string?> GetAccessTokenAsync(CancellationToken cancellationToken)
    {
        if (!_settings.HasOutboundCredentials)
        {
            return null;
        }

        var cached = _cached;
        if (cached is not null && _time.GetUtcNow() < cached.RefreshAt)
        {
            return cached.Value;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            cached = _cached;
            var now = _time.GetUtcNow();
            if (cached is not null && now < cached.RefreshAt)
            {
                return cached.Value;
            }

            try
            {
                var fresh = await RequestTokenAsync(now, cancellationToken);
                _cached = fresh;
                return fresh.Value;
            }
            catch (ConnectorTokenException ex) when (cached is not null && now < cached.ExpiresAt)
            {
                _logger.LogWarning("Could not refresh the Connector token, using the current one until {ExpiresAt}: {Reason}", cached.ExpiresAt, ex.Message);
                _cached = cached with { RefreshAt = Min(now + RetryAfterFailure, cached.ExpiresAt) };
                return cached.Value;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<CachedToken> RequestTokenAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var request = _settings.AppType == BotAppType.UserAssignedMsi ? CreateManagedIdentityRequest() : CreateClientCredentialsRequest();
        var endpoint = request.RequestUri!.GetLeftPart(UriPartial.Path);
        using var client = _httpClientFactory.CreateClient(HttpClientName);

        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new ConnectorTokenException($"The token endpoint {endpoint} could not be reached: {ex.Message}", null, null, ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ConnectorTokenException($"The token endpoint {endpoint} did not answer within {client.Timeout.TotalSeconds:0} s", null, null, ex);
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                var (error, code) = ReadError(body);
                var detail = error is null ? "" : code is null ? $" ({error})" : $" ({error}, {code})";
                throw new ConnectorTokenException(
                    $"The token endpoint {endpoint} answered {(int)response.StatusCode} {response.StatusCode}{detail}; check MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppType and MicrosoftAppTenantId",
                    response.StatusCode,
                    error);
            }

            return ReadToken(body, endpoint, now);
        }
    }

    private HttpRequestMessage CreateClientCredentialsRequest() => new(HttpMethod.Post, _settings.TokenEndpoint)
    {
        Content = new FormUrlEncodedContent(
        [
            new("grant_type", "client_credentials"),
            new("client_id", _settings.AppId!),
            new("client_secret", _settings.AppPassword ?? ""),
            new("scope", _settings.OAuthScopeDefault),
        ]),
    };

    private HttpRequestMessage CreateManagedIdentityRequest()
    {
        var query = $"resource={Uri.EscapeDataString(_settings.OAuthScope)}&client_id={Uri.EscapeDataString(_settings.AppId!)}";
        if (_settings.AppServiceIdentity is var (endpoint, header))
        {
            var request = new HttpRequestMessage(HttpMethod.Get, WithQuery(endpoint, "api-version=2019-08-01&" + query));
            request.Headers.Add("X-IDENTITY-HEADER", header);
            return request;
        }

        var imds = new HttpRequestMessage(HttpMethod.Get, WithQuery(_settings.ImdsEndpoint, "api-version=2018-02-01&" + query));
        imds.Headers.Add("Metadata", "true");
        return imds;
    }

    private static CachedToken ReadToken(string body, string endpoint, DateTimeOffset now)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("access_token", out var accessToken)
                || accessToken.ValueKind != JsonValueKind.String
                || string.IsNullOrEmpty(accessToken.GetString()))
            {
                throw new ConnectorTokenException($"The token endpoint {endpoint} answered without an access_token", HttpStatusCode.OK, null);
            }

            // Client credentials answer expires_in; managed identity endpoints may only give expires_on (Unix seconds).
            TimeSpan lifetime;
            if (ReadNumber(root, "expires_in") is { } expiresIn)
            {
                lifetime = TimeSpan.FromSeconds(expiresIn);
            }
            else if (ReadNumber(root, "expires_on") is { } expiresOn)
            {
                lifetime = DateTimeOffset.FromUnixTimeSeconds(expiresOn) - now;
            }
            else
            {
                throw new ConnectorTokenException($"The token endpoint {endpoint} answered without expires_in", HttpStatusCode.OK, null);
            }

            if (lifetime <= TimeSpan.Zero)
            {
                throw new ConnectorTokenException($"The token endpoint {endpoint} answered with a token that has already expired", HttpStatusCode.OK, null);
            }

            // A short-lived token would otherwise be "due for refresh" the moment it arrives.
            var refreshAfter = lifetime > 2 * RefreshMargin ? lifetime - RefreshMargin : lifetime / 2;
            return new CachedToken(accessToken.GetString()!, now + refreshAfter, now + lifetime);
        }
        catch (JsonException ex)
        {
            throw new ConnectorTokenException($"The token endpoint {endpoint} answered with something that is not JSON", HttpStatusCode.OK, null, ex);
        }
    }

    private static long? ReadNumber(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt64(out var number) => number,
            JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) => number,
            _ => null,
        };
    }

    /// <summary>The OAuth error and AAD's code (invalid_client, AADSTS7000215); the description is left out, it can be long.</summary>
    private static (string? Error, string? Code) ReadError(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("error", out var error) || error.ValueKind != JsonValueKind.String)
            {
                return (null, null);
            }

            var code = root.TryGetProperty("error_codes", out var codes) && codes.ValueKind == JsonValueKind.Array && codes.GetArrayLength() > 0
                ? $"AADSTS{codes[0]}"
                : null;
            return (error.GetString(), code);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static Uri WithQuery(Uri endpoint, string query) =>
        new UriBuilder(endpoint) { Query = string.IsNullOrEmpty(endpoint.Query) ? query : endpoint.Query.TrimStart('?') + "&" + query }.Uri;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private sealed record CachedToken(string Value, DateTimeOffset RefreshAt, DateTimeOffset ExpiresAt);
}
