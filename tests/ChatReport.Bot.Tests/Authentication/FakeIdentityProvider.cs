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

namespace ChatReport.Bot.Tests.Authentication;

/// <summary>
/// A local stand-in for login.botframework.com and AAD on a random loopback port: channel
/// OpenID metadata with a JWKS whose keys carry endorsements, an Emulator/AAD metadata document
/// whose keys carry none, a client-credentials token endpoint and a managed identity endpoint.
/// It mints RS256 tokens with its keys, and counts and records what it is asked.
/// </summary>
public sealed class FakeIdentityProvider : IAsyncDisposable
{
    public const string ChannelIssuer = "https://api.botframework.com";

    private readonly WebApplication _app;
    private readonly List<TestKey> _channelKeys = [];
    private readonly List<TestKey> _emulatorKeys = [];
    private readonly Lock _keysLock = new();
    private int _channelMetadataRequests;
    private int _tokenCounter;

    private FakeIdentityProvider(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public string ChannelMetadataUrl => new Uri(BaseAddress, "/v1/.well-known/openidconfiguration").AbsoluteUri;

    public string EmulatorMetadataUrl => new Uri(BaseAddress, "/common/v2.0/.well-known/openid-configuration").AbsoluteUri;

    public int ChannelMetadataRequests => Volatile.Read(ref _channelMetadataRequests);

    public ConcurrentQueue<RecordedRequest> TokenRequests { get; } = new();

    /// <summary>What the token endpoints answer; the default is a fresh token valid for an hour.</summary>
    public Func<RecordedRequest, IResult>? TokenResponse { get; set; }

    /// <summary>When set, each token request takes a slot of this gate before it is answered.</summary>
    public SemaphoreSlim? HoldTokenResponses { get; set; }

    /// <summary>Completes when the first token request has arrived.</summary>
    public TaskCompletionSource FirstTokenRequest { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static async Task<FakeIdentityProvider> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var provider = new FakeIdentityProvider(app);
        provider.Map(app);
        await app.StartAsync(cancellationToken);
        provider.BaseAddress = new Uri(app.Urls.Single());
        return provider;
    }

    public TestKey AddChannelKey(string kid, params string[] endorsements) => AddChannelKey(new TestKey(kid, RSA.Create(2048), endorsements));

    public TestKey AddChannelKeyWithoutEndorsements(string kid) => AddChannelKey(new TestKey(kid, RSA.Create(2048), null));

    private TestKey AddChannelKey(TestKey key)
    {
        lock (_keysLock)
        {
            _channelKeys.Add(key);
        }

        return key;
    }

    public TestKey AddEmulatorKey(string kid)
    {
        var key = new TestKey(kid, RSA.Create(2048), null);
        lock (_keysLock)
        {
            _emulatorKeys.Add(key);
        }

        return key;
    }

    /// <summary>A key the provider does not publish, for forged signatures and unknown kids.</summary>
    public static TestKey UnpublishedKey(string kid) => new(kid, RSA.Create(2048), null);

    public static string Mint(TestKey key, IReadOnlyDictionary<string, object?> payload, string algorithm = SecurityAlgorithms.RsaSha256)
    {
        var credentials = new SigningCredentials(new RsaSecurityKey(key.Rsa) { KeyId = key.Kid }, algorithm);
        return new JsonWebTokenHandler().CreateToken(JsonSerializer.Serialize(payload), credentials);
    }

    /// <summary>An HMAC token whose secret is the RSA key's public modulus: the classic key-confusion forgery.</summary>
    public static string MintHs256(TestKey key, IReadOnlyDictionary<string, object?> payload)
    {
        var secret = key.Rsa.ExportParameters(false).Modulus!;
        var credentials = new SigningCredentials(new SymmetricSecurityKey(secret) { KeyId = key.Kid }, SecurityAlgorithms.HmacSha256);
        return new JsonWebTokenHandler().CreateToken(JsonSerializer.Serialize(payload), credentials);
    }

    public static string MintUnsigned(string kid, IReadOnlyDictionary<string, object?> payload)
    {
        var header = JsonSerializer.Serialize(new Dictionary<string, string> { ["alg"] = "none", ["typ"] = "JWT", ["kid"] = kid });
        return Base64UrlEncoder.Encode(header) + "." + Base64UrlEncoder.Encode(JsonSerializer.Serialize(payload)) + ".";
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        lock (_keysLock)
        {
            foreach (var key in _channelKeys.Concat(_emulatorKeys))
            {
                key.Rsa.Dispose();
            }
        }
    }

    private void Map(WebApplication app)
    {
        app.MapGet("/v1/.well-known/openidconfiguration", () =>
        {
            Interlocked.Increment(ref _channelMetadataRequests);
            return Json(new JsonObject
            {
                ["issuer"] = ChannelIssuer,
                ["authorization_endpoint"] = "https://invalid.botframework.com",
                ["jwks_uri"] = new Uri(BaseAddress, "/v1/.well-known/keys").AbsoluteUri,
                ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
                ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
            });
        });
        app.MapGet("/v1/.well-known/keys", () => Json(KeySet(_channelKeys)));
        app.MapGet("/common/v2.0/.well-known/openid-configuration", () => Json(new JsonObject
        {
            ["issuer"] = "https://login.microsoftonline.com/{tenantid}/v2.0",
            ["jwks_uri"] = new Uri(BaseAddress, "/common/discovery/v2.0/keys").AbsoluteUri,
        }));
        app.MapGet("/common/discovery/v2.0/keys", () => Json(KeySet(_emulatorKeys)));
        app.MapPost("/{tenant}/oauth2/v2.0/token", async (HttpRequest request, string tenant) =>
        {
            var form = await request.ReadFormAsync();
            return await AnswerTokenRequestAsync(new RecordedRequest(
                request.Path,
                form.ToDictionary(f => f.Key, f => f.Value.ToString()),
                request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
        });
        app.MapGet("/msi/token", (HttpRequest request) => AnswerTokenRequestAsync(new RecordedRequest(
            request.Path,
            request.Query.ToDictionary(q => q.Key, q => q.Value.ToString()),
            request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase))));
    }

    private async Task<IResult> AnswerTokenRequestAsync(RecordedRequest recorded)
    {
        TokenRequests.Enqueue(recorded);
        FirstTokenRequest.TrySetResult();
        if (HoldTokenResponses is { } hold)
        {
            await hold.WaitAsync();
        }

        if (TokenResponse is { } respond)
        {
            return respond(recorded);
        }

        return Json(new JsonObject
        {
            ["token_type"] = "Bearer",
            ["expires_in"] = 3600,
            ["ext_expires_in"] = 3600,
            ["access_token"] = $"token-{Interlocked.Increment(ref _tokenCounter)}",
        });
    }

    private JsonObject KeySet(List<TestKey> keys)
    {
        var array = new JsonArray();
        lock (_keysLock)
        {
            foreach (var key in keys)
            {
                var parameters = key.Rsa.ExportParameters(false);
                var jwk = new JsonObject
                {
                    ["kty"] = "RSA",
                    ["use"] = "sig",
                    ["kid"] = key.Kid,
                    ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                    ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                };
                if (key.Endorsements is { } endorsements)
                {
                    jwk["endorsements"] = new JsonArray([.. endorsements.Select(e => JsonValue.Create(e))]);
                }

                array.Add(jwk);
            }
        }

        return new JsonObject { ["keys"] = array };
    }

    private static IResult Json(JsonNode node) => Results.Text(node.ToJsonString(), "application/json", Encoding.UTF8);
}
