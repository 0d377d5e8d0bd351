namespace ChatReport.Bot.Tests.Authentication;

/// <summary>Tokens from the Bot Framework Emulator (version 1 and 2) and from skills.</summary>
public sealed partial class ChannelAuthenticatorTests
{
    [Fact]
    public async Task AcceptsAVersion1EmulatorTokenWithoutVouchingForTheServiceUrl()
    {
        var key = _provider.AddEmulatorKey("aad-key-1");

        var outcome = await AuthenticateAsync(FakeIdentityProvider.Mint(key, EmulatorClaims(V1EmulatorIssuer, "1.0", appid: AuthenticationTestHost.AppId)));

        Assert.True(outcome.IsAuthenticated, outcome.FailureReason);
        Assert.False(outcome.ServiceUrlVerified);
        Assert.Equal("urn:botframework:azure", outcome.CallerId);
    }

    [Fact]
    public async Task AcceptsAVersion2EmulatorTokenCarryingTheAppIdInAzp()
    {
        var key = _provider.AddEmulatorKey("aad-key-1");

        var outcome = await AuthenticateAsync(FakeIdentityProvider.Mint(key, EmulatorClaims(V2EmulatorIssuer, "2.0", azp: AuthenticationTestHost.AppId)));

        Assert.True(outcome.IsAuthenticated, outcome.FailureReason);
    }

    [Fact]
    public async Task AcceptsAnEmulatorTokenFromTheBotsOwnTenant()
    {
        var key = _provider.AddEmulatorKey("aad-key-1");
        var tenant = "3a0b6f3e-8f43-4c4b-9a55-0c2f1d1d2b7e";
        var claims = EmulatorClaims($"https://sts.windows.net/{tenant}/", "1.0", appid: AuthenticationTestHost.AppId);
        claims["tid"] = tenant;

        var outcome = await AuthenticateAsync(FakeIdentityProvider.Mint(key, claims));

        Assert.True(outcome.IsAuthenticated, outcome.FailureReason);
    }

    [Fact]
    public async Task RefusesAVersion2EmulatorTokenWithoutAzp()
    {
        var key = _provider.AddEmulatorKey("aad-key-1");

        var outcome = await AuthenticateAsync(FakeIdentityProvider.Mint(key, EmulatorClaims(V2EmulatorIssuer, "2.0", appid: AuthenticationTestHost.AppId)));

        AssertRefused(outcome, "'azp'");
    }

    [Fact]
    public async Task RefusesAnEmulatorTokenIssuedToAnotherApp()
    {
        var key = _provider.AddEmulatorKey("aad-key-1");

        var claims = EmulatorClaims(V1EmulatorIssuer, "1.0", appid: "00000000-0000-0000-0000-000000000002");
        claims["aud"] = "https://api.botframework.com";

        var outcome = await AuthenticateAsync(FakeIdentityProvider.Mint(key, claims));

        AssertRefused(outcome, "not to this bot");
    }

    [Fact]
    public async Task RefusesAnEmulatorTokenOfUnknownVersion()
    {
        var key = _provider.AddEmulatorKey("aad-key-1");

        var outcome = await AuthenticateAsync(FakeIdentityProvider.Mint(key, EmulatorClaims(V1EmulatorIssuer, "3.0", appid: AuthenticationTestHost.AppId)));

        AssertRefused(outcome, "version '3.0'");
    }

    [Fact]
    public async Task RefusesAnEmulatorTokenSignedWithAChannelKey()
    {
        var outcome = await AuthenticateAsync(FakeIdentityProvider.Mint(_teamsKey, EmulatorClaims(V1EmulatorIssuer, "1.0", appid: AuthenticationTestHost.AppId)));

        AssertRefused(outcome, "is not in the key set");
    }

    [Fact]
    public async Task RefusesASkillTokenBecauseNoSkillIsAllowed()
    {
        var key = _provider.AddEmulatorKey("aad-key-1");
        var claims = EmulatorClaims(V1EmulatorIssuer, "1.0", appid: "00000000-0000-0000-0000-000000000003");
        claims["aud"] = AuthenticationTestHost.AppId;

        var outcome = await AuthenticateAsync(FakeIdentityProvider.Mint(key, claims));

        AssertRefused(outcome, "Skill");
    }
}
