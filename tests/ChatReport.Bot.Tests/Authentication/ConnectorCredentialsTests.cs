using System.Net;
using System.Net.Sockets;
using ChatReport.Bot.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ChatReport.Bot.Tests.Authentication;

public sealed class ConnectorCredentialsTests : IAsyncLifetime
{
    private const string TokenJson = """{"token_type":"Bearer","expires_in":3600,"access_token":"canned-token"}""";

    private FakeIdentityProvider _provider = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _provider = await FakeIdentityProvider.StartAsync(Cancel);

    public ValueTask DisposeAsync() => _provider.DisposeAsync();

    [Fact]
    public async Task ReusesTheTokenUntilFiveMinutesBeforeItExpiresThenRefreshesIt()
    {
        using var host = new AuthenticationTestHost(AuthenticationTestHost.Settings(_provider));

        var first = await host.Credentials.GetAccessTokenAsync(Cancel);
        host.Time.Advance(TimeSpan.FromMinutes(55) - TimeSpan.FromSeconds(1));
        var stillCached = await host.Credentials.GetAccessTokenAsync(Cancel);
        var requestsBeforeRefresh = _provider.TokenRequests.Count;
        host.Time.Advance(TimeSpan.FromSeconds(1));
        var refreshed = await host.Credentials.GetAccessTokenAsync(Cancel);

        Assert.Equal("token-1", first);
        Assert.Equal("token-1", stillCached);
        Assert.Equal(1, requestsBeforeRefresh);
        Assert.Equal("token-2", refreshed);
        Assert.Equal(2, _provider.TokenRequests.Count);
    }

    [Fact]
    public async Task PostsTheClientCredentialsGrantForTheBotFrameworkScope()
    {
        using var host = new AuthenticationTestHost(AuthenticationTestHost.Settings(_provider));

        await host.Credentials.GetAccessTokenAsync(Cancel);

        var request = Assert.Single(_provider.TokenRequests);
        Assert.Equal("/botframework.com/oauth2/v2.0/token", request.Path);
        Assert.StartsWith("application/x-www-form-urlencoded", request.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = AuthenticationTestHost.AppId,
                ["client_secret"] = AuthenticationTestHost.AppPassword,
                ["scope"] = "https://api.botframework.com/.default",
            },
            request.Fields);
    }

    [Fact]
    public async Task ConcurrentCallersShareOneTokenRequest()
    {
        using var host = new AuthenticationTestHost(AuthenticationTestHost.Settings(_provider));
        using var gate = new SemaphoreSlim(0);
        _provider.HoldTokenResponses = gate;

        var callers = Enumerable.Range(0, 8).Select(_ => Task.Run(() => host.Credentials.GetAccessTokenAsync(Cancel), Cancel)).ToArray();
        await _provider.FirstTokenRequest.Task.WaitAsync(Cancel);
        gate.Release(callers.Length);
        var tokens = await Task.WhenAll(callers);

        Assert.All(tokens, token => Assert.Equal("token-1", token));
        Assert.Single(_provider.TokenRequests);
    }

    [Fact]
    public async Task SendsNoTokenWhenAuthenticationIsOff()
    {
        var settings = AuthenticationTestHost.Settings(_provider);
        settings.Remove("MicrosoftAppId");
        settings.Remove("MicrosoftAppPassword");
        using var host = new AuthenticationTestHost(settings);

        var token = await host.Credentials.GetAccessTokenAsync(Cancel);

        Assert.Null(token);
        Assert.Empty(_provider.TokenRequests);
    }

    [Fact]
    public async Task SendsNoTokenForTheAnonymousSkillAppId()
    {
        var settings = AuthenticationTestHost.Settings(_provider);
        settings["MicrosoftAppId"] = "AnonymousSkill";
        settings.Remove("MicrosoftAppPassword");
        using var host = new AuthenticationTestHost(settings);

        var token = await host.Credentials.GetAccessTokenAsync(Cancel);

        Assert.Null(token);
        Assert.Empty(_provider.TokenRequests);
    }

    [Fact]
    public async Task AsksTheBotFrameworkTenantByDefault()
    {
        var handler = new RecordingHandler(TokenJson);
        using var host = new AuthenticationTestHost(
            new Dictionary<string, string?> { ["MicrosoftAppId"] = AuthenticationTestHost.AppId, ["MicrosoftAppPassword"] = AuthenticationTestHost.AppPassword },
            services => services.AddHttpClient(ConnectorCredentials.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => handler));

        var token = await host.Credentials.GetAccessTokenAsync(Cancel);

        Assert.Equal("canned-token", token);
        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal(new Uri("https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token"), request.Uri);
        Assert.Contains("scope=https%3A%2F%2Fapi.botframework.com%2F.default", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AsksTheBotsOwnTenantWhenSingleTenant()
    {
        var handler = new RecordingHandler(TokenJson);
        using var host = new AuthenticationTestHost(
            new Dictionary<string, string?>
            {
                ["MicrosoftAppType"] = "SingleTenant",
                ["MicrosoftAppId"] = AuthenticationTestHost.AppId,
                ["MicrosoftAppPassword"] = AuthenticationTestHost.AppPassword,
                ["MicrosoftAppTenantId"] = "0f3c2b4e-1d2a-4c5b-8e9f-a1b2c3d4e5f6",
            },
            services => services.AddHttpClient(ConnectorCredentials.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => handler));

        await host.Credentials.GetAccessTokenAsync(Cancel);

        var request = Assert.Single(handler.Requests);
        Assert.Equal(new Uri("https://login.microsoftonline.com/0f3c2b4e-1d2a-4c5b-8e9f-a1b2c3d4e5f6/oauth2/v2.0/token"), request.Uri);
    }

    [Theory]
    [InlineData("api://connector.example")]
    [InlineData("api://connector.example/.default")]
    public async Task AppendsDefaultToAConfiguredScopeOnlyOnce(string scope)
    {
        var settings = AuthenticationTestHost.Settings(_provider);
        settings["ToChannelFromBotOAuthScope"] = scope;
        using var host = new AuthenticationTestHost(settings);

        await host.Credentials.GetAccessTokenAsync(Cancel);

        Assert.Equal("api://connector.example/.default", Assert.Single(_provider.TokenRequests).Fields["scope"]);
    }

    [Fact]
    public async Task ReportsARefusalWithStatusAndErrorCodeButNotTheSecret()
    {
        _provider.TokenResponse = _ => Results.Text(
            """{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided.","error_codes":[7000215]}""",
            "application/json",
            statusCode: StatusCodes.Status401Unauthorized);
        using var host = new AuthenticationTestHost(AuthenticationTestHost.Settings(_provider));

        var error = await Assert.ThrowsAsync<ConnectorTokenException>(() => host.Credentials.GetAccessTokenAsync(Cancel));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal("invalid_client", error.Error);
        Assert.Contains("401", error.Message, StringComparison.Ordinal);
        Assert.Contains("AADSTS7000215", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(AuthenticationTestHost.AppPassword, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportsAnUnreachableTokenEndpointAsATokenError()
    {
        var settings = AuthenticationTestHost.Settings(_provider);
        settings["ToChannelFromBotLoginUrl"] = $"http://127.0.0.1:{ClosedPort()}/botframework.com";
        using var host = new AuthenticationTestHost(settings);

        var error = await Assert.ThrowsAsync<ConnectorTokenException>(() => host.Credentials.GetAccessTokenAsync(Cancel));

        Assert.Null(error.StatusCode);
        Assert.Contains("could not be reached", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeepsUsingTheCurrentTokenWhileItIsValidIfARefreshFails()
    {
        using var host = new AuthenticationTestHost(AuthenticationTestHost.Settings(_provider));
        await host.Credentials.GetAccessTokenAsync(Cancel);
        _provider.TokenResponse = _ => Results.StatusCode(StatusCodes.Status503ServiceUnavailable);

        host.Time.Advance(TimeSpan.FromMinutes(56));
        var duringOutage = await host.Credentials.GetAccessTokenAsync(Cancel);
        host.Time.Advance(TimeSpan.FromMinutes(4));
        var afterExpiry = await Assert.ThrowsAsync<ConnectorTokenException>(() => host.Credentials.GetAccessTokenAsync(Cancel));

        Assert.Equal("token-1", duringOutage);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, afterExpiry.StatusCode);
    }

    [Fact]
    public async Task GetsAManagedIdentityTokenFromAppServicesIdentityEndpoint()
    {
        var expiresOn = new DateTimeOffset(2026, 11, 26, 13, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        _provider.TokenResponse = _ => Results.Json(new { access_token = "msi-token", expires_on = expiresOn.ToString(System.Globalization.CultureInfo.InvariantCulture), token_type = "Bearer" });
        using var host = new AuthenticationTestHost(new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "UserAssignedMSI",
            ["MicrosoftAppId"] = "5b1f8a7e-2c3d-4e5f-8a9b-0c1d2e3f4a5b",
            ["MicrosoftAppTenantId"] = "0f3c2b4e-1d2a-4c5b-8e9f-a1b2c3d4e5f6",
            ["IDENTITY_ENDPOINT"] = new Uri(_provider.BaseAddress, "/msi/token").AbsoluteUri,
            ["IDENTITY_HEADER"] = "identity-header-secret",
        });

        var token = await host.Credentials.GetAccessTokenAsync(Cancel);
        host.Time.Advance(TimeSpan.FromMinutes(54));
        var cached = await host.Credentials.GetAccessTokenAsync(Cancel);

        Assert.Equal("msi-token", token);
        Assert.Equal("msi-token", cached);
        var request = Assert.Single(_provider.TokenRequests);
        Assert.Equal("2019-08-01", request.Fields["api-version"]);
        Assert.Equal("https://api.botframework.com", request.Fields["resource"]);
        Assert.Equal("5b1f8a7e-2c3d-4e5f-8a9b-0c1d2e3f4a5b", request.Fields["client_id"]);
        Assert.Equal("identity-header-secret", request.Headers["X-IDENTITY-HEADER"]);
    }

    [Fact]
    public async Task GetsAManagedIdentityTokenFromTheInstanceMetadataServiceOtherwise()
    {
        _provider.TokenResponse = _ => Results.Json(new { access_token = "imds-token", expires_in = "3599", token_type = "Bearer" });
        using var host = new AuthenticationTestHost(new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "userassignedmsi",
            ["MicrosoftAppId"] = "5b1f8a7e-2c3d-4e5f-8a9b-0c1d2e3f4a5b",
            ["MicrosoftAppTenantId"] = "0f3c2b4e-1d2a-4c5b-8e9f-a1b2c3d4e5f6",
            ["ManagedIdentityTokenEndpoint"] = new Uri(_provider.BaseAddress, "/msi/token").AbsoluteUri,
        });

        var token = await host.Credentials.GetAccessTokenAsync(Cancel);

        Assert.Equal("imds-token", token);
        var request = Assert.Single(_provider.TokenRequests);
        Assert.Equal("2018-02-01", request.Fields["api-version"]);
        Assert.Equal("https://api.botframework.com", request.Fields["resource"]);
        Assert.Equal("true", request.Headers["Metadata"]);
    }

    [Fact]
    public async Task AddressesTheWellKnownInstanceMetadataServiceByDefault()
    {
        // The recording handler answers in-process: nothing is sent to 169.254.169.254.
        var handler = new RecordingHandler(TokenJson);
        using var host = new AuthenticationTestHost(
            new Dictionary<string, string?>
            {
                ["MicrosoftAppType"] = "UserAssignedMSI",
                ["MicrosoftAppId"] = "5b1f8a7e-2c3d-4e5f-8a9b-0c1d2e3f4a5b",
                ["MicrosoftAppTenantId"] = "0f3c2b4e-1d2a-4c5b-8e9f-a1b2c3d4e5f6",
            },
            services => services.AddHttpClient(ConnectorCredentials.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => handler));

        await host.Credentials.GetAccessTokenAsync(Cancel);

        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal(
            "http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fapi.botframework.com&client_id=5b1f8a7e-2c3d-4e5f-8a9b-0c1d2e3f4a5b",
            request.Uri.AbsoluteUri);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
