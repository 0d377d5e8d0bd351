using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChatReport.Bench;

/// <summary>
/// Stands in for login.botframework.com and the AAD token endpoint on a random loopback port, so
/// that the load generator can run the bot with authentication on (botframework-protocol.md §4):
/// channel OpenID metadata, a key set whose one RSA key is endorsed for the channels, and a
/// client-credentials endpoint. It mints the channel's RS256 tokens and remembers the access
/// tokens it hands out, so the Connector stub can tell a real outbound token from any string.
/// </summary>
internal sealed class LocalIdentityProvider : IAsyncDisposable
{
    public const string ChannelIssuer = "https://api.botframework.com";
    public const string AppId = "5b1f0c9e-7c3a-4d2a-9a61-0c4a7e2b9d11";
    public const string AppPassword = "bench-password-not-a-secret";

    private const string KeyId = "bench-key-1";

    private readonly RSA _rsa = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, byte> _issued = new(StringComparer.Ordinal);
    private readonly WebApplication _app;
    private int _metadataRequests;
    private int _keyRequests;
    private int _tokenRequests;

    public LocalIdentityProvider()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapGet("/v1/.well-known/openidconfiguration", () =>
        {
            Interlocked.Increment(ref _metadataRequests);
            return Json(new JsonObject
            {
                ["issuer"] = ChannelIssuer,
                ["jwks_uri"] = new Uri(BaseAddress, "/v1/.well-known/keys").AbsoluteUri,
                ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            });
        });
        _app.MapGet("/v1/.well-known/keys", () =>
        {
            Interlocked.Increment(ref _keyRequests);
            return Json(KeySet());
        });
        _app.MapPost("/{tenant}/oauth2/v2.0/token", (string tenant) =>
        {
            Interlocked.Increment(ref _tokenRequests);
            var token = $"bench-access-token-{tenant}-{Guid.NewGuid():N}";
            _issued[token] = 0;
            return Json(new JsonObject
            {
                ["token_type"] = "Bearer",
                ["expires_in"] = 3600,
                ["ext_expires_in"] = 3600,
                ["access_token"] = token,
            });
        });
    }

    public Uri BaseAddress => new(_app.Urls.First());

    /// <summary>Requests for the OpenID metadata, the key set and outbound tokens: shows the bot caching them.</summary>
    public (int Metadata, int Keys, int Tokens) Requests =>
        (Volatile.Read(ref _metadataRequests), Volatile.Read(ref _keyRequests), Volatile.Read(ref _tokenRequests));

    /// <summary>The bot's settings that point every Bot Framework address at this provider.</summary>
    public IReadOnlyDictionary<string, string?> BotSettings => new Dictionary<string, string?>
    {
        ["MicrosoftAppId"] = AppId,
        ["MicrosoftAppPassword"] = AppPassword,
        ["ToBotFromChannelOpenIdMetadataUrl"] = new Uri(BaseAddress, "/v1/.well-known/openidconfiguration").AbsoluteUri,
        ["ToChannelFromBotLoginUrl"] = new Uri(BaseAddress, "/botframework.com").AbsoluteUri,
    };

    public Task StartAsync() => _app.StartAsync();

    /// <summary>A channel token as Azure Bot Service would send it, valid for an hour.</summary>
    public string MintChannelToken(string serviceUrl)
    {
        var now = DateTimeOffset.UtcNow;
        var payload = new Dictionary<string, object>
        {
            ["iss"] = ChannelIssuer,
            ["aud"] = AppId,
            ["serviceurl"] = serviceUrl,
            ["nbf"] = now.AddMinutes(-1).ToUnixTimeSeconds(),
            ["exp"] = now.AddHours(1).ToUnixTimeSeconds(),
        };
        var credentials = new SigningCredentials(new RsaSecurityKey(_rsa) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256);
        return new JsonWebTokenHandler().CreateToken(JsonSerializer.Serialize(payload), credentials);
    }

    /// <summary>Whether an <c>Authorization</c> header carries a token this provider issued.</summary>
    public bool IsIssuedBearer(string? authorization) =>
        authorization is not null
        && authorization.StartsWith("Bearer ", StringComparison.Ordinal)
        && _issued.ContainsKey(authorization["Bearer ".Length..]);

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _rsa.Dispose();
    }

    private JsonObject KeySet()
    {
        var parameters = _rsa.ExportParameters(false);
        return new JsonObject
        {
            ["keys"] = new JsonArray(new JsonObject
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["kid"] = KeyId,
                ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                ["endorsements"] = new JsonArray("msteams", "directline", "webchat", "emulator"),
            }),
        };
    }

    private static IResult Json(JsonNode node) => Results.Text(node.ToJsonString(), "application/json", Encoding.UTF8);
}
