using ChatReport.Bot.Authentication;
using ChatReport.Dialogs.Schema;

namespace ChatReport.Bot.Tests.Authentication;

public sealed partial class ChannelAuthenticatorTests : IAsyncLifetime
{
    private const string V1EmulatorIssuer = "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/";
    private const string V2EmulatorIssuer = "https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0";

    private FakeIdentityProvider _provider = null!;
    private AuthenticationTestHost _host = null!;
    private TestKey _teamsKey = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private DateTimeOffset Now => _host.Time.GetUtcNow();

    public async ValueTask InitializeAsync()
    {
        _provider = await FakeIdentityProvider.StartAsync(Cancel);
        _teamsKey = _provider.AddChannelKey("channel-key-1", "msteams", "directline", "webchat");
        _host = new AuthenticationTestHost(AuthenticationTestHost.Settings(_provider));
    }

    public async ValueTask DisposeAsync()
    {
        _host.Dispose();
        await _provider.DisposeAsync();
    }

    [Fact]
    public async Task AcceptsAValidChannelTokenAndVouchesForTheServiceUrl()
    {
        var outcome = await AuthenticateAsync(FakeIdentityProvider.Mint(_teamsKey, ChannelClaims()));

        Assert.True(outcome.IsAuthenticated, outcome.FailureReason);
        Assert.True(outcome.ServiceUrlVerified);
        Assert.Equal("urn:botframework:azure", outcome.CallerId);
        Assert.Null(outcome.FailureReason);
        Assert.Equal(AuthenticationTestHost.AppId, outcome.Identity?.FindFirst("aud")?.Value);
    }

    [Fact]
    public async Task RefusesARequestWithoutAnAuthorizationHeader()
    {
        var outcome = await _host.Authenticator.AuthenticateAsync(null, TeamsActivity(), Cancel);

        AssertRefused(outcome, "No Authorization header");
    }

    [Theory]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer")]
    [InlineData("Bearer a b")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.e30.c2ln")]
    public async Task RefusesAHeaderThatIsNotABearerToken(string header)
    {
        var outcome = await _host.Authenticator.AuthenticateAsync(header, TeamsActivity(), Cancel);

        AssertRefused(outcome, "not 'Bearer <token>'");
    }

    [Theory]
    [InlineData("not-a-jwt")]
    [InlineData("a.b.c")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.c2ln")]
    public async Task RefusesAMalformedToken(string token)
    {
        var outcome = await AuthenticateAsync(token);

        Assert.False(outcome.IsAuthenticated);
        Assert.NotNull(outcome.FailureReason);
    }

    [Fact]
    public async Task RefusesAnAbsurdlyLongToken()
    {
        var outcome = await AuthenticateAsync(new string('a', 100_000) + ".b.c");

        AssertRefused(outcome, "longer than");
    }

    [Fact]
    public async Task RefusesATokenSignedWithAnotherKeyUnderAPublishedKid()
    {
        var forger = FakeIdentityProvider.UnpublishedKey(_teamsKey.Kid);

        var outcome = await AuthenticateAsync(FakeIdentityProvider.Mint(forger, ChannelClaims()));

        AssertRefused(outcome, "signature");
    }

    [Fact]
    public async Task RefusesATokenForAnotherBot()
    {
        var claims = ChannelClaims();
        claims["aud"] = "00000000-0000-0000-0000-000000000001";

        var outcome = await AuthenticateAsync(FakeIdentityProvider.Mint(_teamsKey, claims));

        AssertRefused(outcome, "audience");
    }

    [Fact]
    public async Task RefusesATokenFromAnotherIssuer()
    {
        var claims = ChannelClaims();
        claims["iss"] = "https://api.botframework.com.evil.example";

        var outcome = await AuthenticateAsync(FakeIdentityProvider.Mint(_teamsKey, claims));

        AssertRefused(outcome, "issuer");
    }

    [Fact]
    public async Task RefusesATokenThatExpiredTenMinutesAgo()
    {
        var claims = ChannelClaims(notBefore: Now.AddHours(-1), expires: Now.AddMinutes(-10));

        var outcome = await AuthenticateAsync(FakeIdentityProvider.Mint(_teamsKey, claims));

        AssertRefused(outcome, "expired");
    }

    [Fact]
    public async Task AcceptsATokenThatExpiredTwoMinutesAgoBecauseOfClockSkew()
    {
        var claims = ChannelClaims(notBefore: Now.AddHours(-1), expires: Now.AddMinutes(-2));

        var outcome = await AuthenticateAsync(FakeIdentityProvider.Mint(_teamsKey, claims));

        Assert.True(outcome.IsAuthenticated, outcome.FailureReason);
    }

    [Fact]
    public async Task RefusesATokenThatIsNotYetValid()
    {
        var claims = ChannelClaims(notBefore: Now.AddMinutes(10), expires: Now.AddHours(1));

        var outcome = await AuthenticateAsync(FakeIdentityProvider.Mint(_teamsKey, claims));

        AssertRefused(outcome, "not valid before");
    }

    [Fact]
    public async Task AcceptsATokenValidInTwoMinutesBecauseOfClockSkew()
    {
        var claims = ChannelClaims(notBefore: Now.AddMinutes(2), expires: Now.AddHours(1));

        var outcome = await AuthenticateAsync(FakeIdentityProvider.Mint(_teamsKey, claims));

        Assert.True(outcome.IsAuthenticated, outcome.FailureReason);
    }

    [Fact]
    public async Task RefusesATokenWithoutExpiry()
    {
        var claims = ChannelClaims();
        claims.Remove("exp");

        var outcome = await AuthenticateAsync(FakeIdentityProvider.Mint(_teamsKey, claims));

        AssertRefused(outcome, "expiry");
    }

    [Fact]
    public async Task RefusesATokenWhoseServiceUrlIsNotTheActivitys()
    {
        var claims = ChannelClaims();
        claims["serviceurl"] = "https://attacker.example/";

        var outcome = await AuthenticateAsync(FakeIdentityProvider.Mint(_teamsKey, claims));

        AssertRefused(outcome, "serviceurl");
    }

    [Fact]
    public async Task ComparesTheServiceUrlIgnoringCase()
    {
        var claims = ChannelClaims();
        claims["serviceurl"] = AuthenticationTestHost.ServiceUrl.ToUpperInvariant();

        var outcome = await AuthenticateAsync(FakeIdentityProvider.Mint(_teamsKey, claims));

        Assert.True(outcome.IsAuthenticated, outcome.FailureReason);
    }

    [Fact]
    public async Task RefusesAChannelTokenWithoutServiceUrlClaim()
    {
        var claims = ChannelClaims();
        claims.Remove("serviceurl");

        var outcome = await AuthenticateAsync(FakeIdentityProvider.Mint(_teamsKey, claims));

        AssertRefused(outcome, "no serviceurl claim");
    }

    [Fact]
    public async Task RefusesAKeyThatIsNotEndorsedForTheActivitysChannel()
    {
        var outcome = await AuthenticateAsync(FakeIdentityProvider.Mint(_teamsKey, ChannelClaims()), TeamsActivity() with { ChannelId = "slack" });

        AssertRefused(outcome, "not endorsed for channel 'slack'");
    }

    [Fact]
    public async Task AcceptsAnActivityWithoutChannelIdLikeTheSdk()
    {
        var outcome = await AuthenticateAsync(FakeIdentityProvider.Mint(_teamsKey, ChannelClaims()), TeamsActivity() with { ChannelId = "" });

        Assert.True(outcome.IsAuthenticated, outcome.FailureReason);
    }

    [Fact]
    public async Task RefusesAChannelTokenSignedByAKeyWithoutEndorsements()
    {
        var bare = _provider.AddChannelKeyWithoutEndorsements("bare-key");

        var outcome = await AuthenticateAsync(FakeIdentityProvider.Mint(bare, ChannelClaims()));

        AssertRefused(outcome, "carries no endorsements");
    }

    [Fact]
    public async Task RefusesAKeyWithoutAConfiguredRequiredEndorsement()
    {
        var settings = AuthenticationTestHost.Settings(_provider);
        settings["RequiredEndorsements:0"] = "msteams";
        settings["RequiredEndorsements:1"] = "sovereign-cloud";
        using var host = new AuthenticationTestHost(settings);

        var outcome = await host.Authenticator.AuthenticateAsync("Bearer " + FakeIdentityProvider.Mint(_teamsKey, ChannelClaims()), TeamsActivity(), Cancel);

        AssertRefused(outcome, "'sovereign-cloud'");
    }

    [Fact]
    public async Task RefusesAnUnsignedToken()
    {
        var outcome = await AuthenticateAsync(FakeIdentityProvider.MintUnsigned(_teamsKey.Kid, ChannelClaims()));

        AssertRefused(outcome, "'none'");
    }

    [Fact]
    public async Task RefusesAnHs256TokenKeyedWithThePublicKey()
    {
        var outcome = await AuthenticateAsync(FakeIdentityProvider.MintHs256(_teamsKey, ChannelClaims()));

        AssertRefused(outcome, "'HS256'");
    }

    [Fact]
    public async Task AcceptsATokenSignedWithAKeyPublishedAfterStartByRefreshingTheKeys()
    {
        Assert.True((await AuthenticateAsync(FakeIdentityProvider.Mint(_teamsKey, ChannelClaims()))).IsAuthenticated);
        Assert.Equal(1, _provider.ChannelMetadataRequests);
        var rotated = _provider.AddChannelKey("channel-key-2", "msteams");

        var outcome = await AuthenticateAsync(FakeIdentityProvider.Mint(rotated, ChannelClaims()));

        Assert.True(outcome.IsAuthenticated, outcome.FailureReason);
        Assert.Equal(2, _provider.ChannelMetadataRequests);
    }

    [Fact]
    public async Task RefreshesTheKeysForUnknownKidsAtMostOnceInFiveMinutes()
    {
        await AuthenticateAsync(FakeIdentityProvider.Mint(_teamsKey, ChannelClaims()));
        var first = await AuthenticateAsync(FakeIdentityProvider.Mint(FakeIdentityProvider.UnpublishedKey("forged-1"), ChannelClaims()));
        var second = await AuthenticateAsync(FakeIdentityProvider.Mint(FakeIdentityProvider.UnpublishedKey("forged-2"), ChannelClaims()));
        Assert.False(first.IsAuthenticated);
        Assert.False(second.IsAuthenticated);
        Assert.Equal(2, _provider.ChannelMetadataRequests);

        var rotated = _provider.AddChannelKey("channel-key-3", "msteams");
        var tooSoon = await AuthenticateAsync(FakeIdentityProvider.Mint(rotated, ChannelClaims()));
        _host.Time.Advance(TimeSpan.FromMinutes(5));
        var later = await AuthenticateAsync(FakeIdentityProvider.Mint(rotated, ChannelClaims(notBefore: Now.AddMinutes(-1), expires: Now.AddHours(1))));

        AssertRefused(tooSoon, "refreshed less than 5 minutes ago");
        Assert.True(later.IsAuthenticated, later.FailureReason);
        Assert.Equal(3, _provider.ChannelMetadataRequests);
    }

    [Fact]
    public async Task FetchesTheKeysOnceForManyRequests()
    {
        for (var i = 0; i < 5; i++)
        {
            Assert.True((await AuthenticateAsync(FakeIdentityProvider.Mint(_teamsKey, ChannelClaims()))).IsAuthenticated);
        }

        Assert.Equal(1, _provider.ChannelMetadataRequests);
    }

    [Fact]
    public async Task RefusesWithoutThrowingWhenTheKeysCannotBeFetched()
    {
        var settings = AuthenticationTestHost.Settings(_provider);
        settings["ToBotFromChannelOpenIdMetadataUrl"] = new Uri(_provider.BaseAddress, "/missing/openidconfiguration").AbsoluteUri;
        using var host = new AuthenticationTestHost(settings);

        var outcome = await host.Authenticator.AuthenticateAsync("Bearer " + FakeIdentityProvider.Mint(_teamsKey, ChannelClaims()), TeamsActivity(), Cancel);

        AssertRefused(outcome, "could not be read");
    }

    [Fact]
    public async Task LetsEverythingInAnonymouslyWhenAuthenticationIsOff()
    {
        using var host = new AuthenticationTestHost(new Dictionary<string, string?>());

        var outcome = await host.Authenticator.AuthenticateAsync(null, TeamsActivity(), Cancel);

        Assert.Same(AuthenticationOutcome.Anonymous, outcome);
        Assert.False(outcome.ServiceUrlVerified);
    }

    [Fact]
    public async Task RefusesATokenSentToABotWithAuthenticationOff()
    {
        using var host = new AuthenticationTestHost(new Dictionary<string, string?>());

        var outcome = await host.Authenticator.AuthenticateAsync("Bearer " + FakeIdentityProvider.Mint(_teamsKey, ChannelClaims()), TeamsActivity(), Cancel);

        AssertRefused(outcome, "authentication is off");
    }

    [Fact]
    public async Task NeverPutsTheTokenInTheFailureReason()
    {
        var claims = ChannelClaims();
        claims["aud"] = "someone-else";
        var token = FakeIdentityProvider.Mint(_teamsKey, claims);

        var outcome = await AuthenticateAsync(token);

        Assert.False(outcome.IsAuthenticated);
        Assert.DoesNotContain(token.Split('.')[2], outcome.FailureReason, StringComparison.Ordinal);
        Assert.DoesNotContain(_host.Logs.Entries, e => e.Message.Contains(token.Split('.')[2], StringComparison.Ordinal));
    }

    private Task<AuthenticationOutcome> AuthenticateAsync(string token, Activity? activity = null) =>
        _host.Authenticator.AuthenticateAsync("Bearer " + token, activity ?? TeamsActivity(), Cancel);

    private static Activity TeamsActivity() => new()
    {
        Type = ActivityTypes.Message,
        Id = "1",
        ChannelId = "msteams",
        ServiceUrl = AuthenticationTestHost.ServiceUrl,
        Text = "hello",
    };

    private Dictionary<string, object?> ChannelClaims(DateTimeOffset? notBefore = null, DateTimeOffset? expires = null) => new()
    {
        ["iss"] = FakeIdentityProvider.ChannelIssuer,
        ["aud"] = AuthenticationTestHost.AppId,
        ["serviceurl"] = AuthenticationTestHost.ServiceUrl,
        ["nbf"] = (notBefore ?? Now.AddMinutes(-5)).ToUnixTimeSeconds(),
        ["exp"] = (expires ?? Now.AddMinutes(55)).ToUnixTimeSeconds(),
    };

    private Dictionary<string, object?> EmulatorClaims(string issuer, string version, string? appid = null, string? azp = null)
    {
        var claims = new Dictionary<string, object?>
        {
            ["iss"] = issuer,
            ["aud"] = AuthenticationTestHost.AppId,
            ["ver"] = version,
            ["nbf"] = Now.AddMinutes(-5).ToUnixTimeSeconds(),
            ["exp"] = Now.AddMinutes(55).ToUnixTimeSeconds(),
        };
        if (appid is not null)
        {
            claims["appid"] = appid;
        }

        if (azp is not null)
        {
            claims["azp"] = azp;
        }

        return claims;
    }

    private static void AssertRefused(AuthenticationOutcome outcome, string reasonContains)
    {
        Assert.False(outcome.IsAuthenticated);
        Assert.Null(outcome.Identity);
        Assert.False(outcome.ServiceUrlVerified);
        Assert.Contains(reasonContains, outcome.FailureReason, StringComparison.Ordinal);
    }
}
