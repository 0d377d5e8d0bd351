using ChatReport.Bot.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatReport.Bot.Tests.Authentication;

public sealed class BotFrameworkAuthenticationOptionsTests
{
    private const string Tenant = "0f3c2b4e-1d2a-4c5b-8e9f-a1b2c3d4e5f6";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> InvalidSettings => new()
    {
        { "MicrosoftAppType=SingleTenant;MicrosoftAppId=a;MicrosoftAppPassword=p", "SingleTenant needs" },
        { "MicrosoftAppType=UserAssignedMSI;MicrosoftAppId=a;MicrosoftAppTenantId=" + Tenant + ";MicrosoftAppPassword=p", "takes no MicrosoftAppPassword" },
        { "MicrosoftAppType=UserAssignedMSI;MicrosoftAppId=a", "UserAssignedMSI needs" },
        { "MicrosoftAppType=SingleTennant;MicrosoftAppId=a;MicrosoftAppPassword=p", "'SingleTennant' is not one of" },
        { "MicrosoftAppPassword=p", "MicrosoftAppId is empty" },
        { "MicrosoftAppId=a", "MicrosoftAppPassword is empty" },
        { "MicrosoftAppId=a;MicrosoftAppPassword=p;ToBotFromChannelOpenIdMetadataUrl=http://login.example.com/v1/openid", "plain http only on a loopback address" },
        { "MicrosoftAppId=a;MicrosoftAppPassword=p;ToChannelFromBotLoginUrl=login.example.com", "must be an absolute https URL" },
        { "ChannelService=https://botframework.example", "is not supported" },
        { "MicrosoftAppId=   ", "MicrosoftAppId is only white space" },
        { "MicrosoftAppId= ;MicrosoftAppPassword=p", "MicrosoftAppId is only white space" },
    };

    public static TheoryData<string> ValidSettings => new()
    {
        "",
        "MicrosoftAppId=a;MicrosoftAppPassword=p",
        "MicrosoftAppType=singletenant;MicrosoftAppId=a;MicrosoftAppPassword=p;MicrosoftAppTenantId=" + Tenant,
        "MicrosoftAppType=USERASSIGNEDMSI;MicrosoftAppId=a;MicrosoftAppTenantId=" + Tenant,
        "MicrosoftAppId=a;MicrosoftAppPassword=p;ToBotFromChannelOpenIdMetadataUrl=http://localhost:5000/v1/openid",
        "MicrosoftAppId=a;MicrosoftAppPassword=p;ChannelService=https://botframework.azure.us",
    };

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public async Task RefusesToStartWithSettingsThatCannotWork(string settings, string expectedError)
    {
        using var host = new AuthenticationTestHost(Parse(settings));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(Cancel));

        Assert.Contains(expectedError, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ValidSettings))]
    public async Task StartsWithSettingsTheSdkAccepts(string settings)
    {
        using var host = new AuthenticationTestHost(Parse(settings));

        await host.StartAsync(Cancel);

        var configured = Parse(settings).GetValueOrDefault("MicrosoftAppId");
        var inForce = host.Services.GetRequiredService<BotFrameworkSettings>();
        Assert.Equal(configured, inForce.AppId);
        Assert.Equal(configured is not null, inForce.IsAuthenticationEnabled);
        Assert.Equal(configured is null, host.Logs.Entries.Any(e => e.Level == LogLevel.Warning && e.Message.StartsWith("AUTHENTICATION IS OFF", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task WarnsLoudlyAtStartWhenAuthenticationIsOff()
    {
        using var host = new AuthenticationTestHost(new Dictionary<string, string?>());

        await host.StartAsync(Cancel);

        Assert.Contains(host.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.StartsWith("AUTHENTICATION IS OFF", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DoesNotWarnWhenAuthenticationIsOn()
    {
        using var host = new AuthenticationTestHost(Parse("MicrosoftAppId=a;MicrosoftAppPassword=p"));

        await host.StartAsync(Cancel);

        Assert.DoesNotContain(host.Logs.Entries, e => e.Level >= LogLevel.Warning);
        Assert.Contains(host.Logs.Entries, e => e.Level == LogLevel.Information && e.Message.Contains("Authentication is on for app a", StringComparison.Ordinal));
    }

    [Fact]
    public void UsesThePublicCloudsEndpointsByDefault()
    {
        var settings = BotFrameworkSettings.From(new BotFrameworkAuthenticationOptions { MicrosoftAppId = "a", MicrosoftAppPassword = "p" });

        Assert.Equal(new Uri("https://login.botframework.com/v1/.well-known/openidconfiguration"), settings.ChannelOpenIdMetadataUrl);
        Assert.Equal("https://api.botframework.com", settings.ChannelTokenIssuer);
        Assert.Equal(new Uri("https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token"), settings.TokenEndpoint);
        Assert.Equal("https://api.botframework.com/.default", settings.OAuthScopeDefault);
        Assert.Equal("urn:botframework:azure", settings.CallerId);
        Assert.Equal(BotAppType.MultiTenant, settings.AppType);
    }

    [Fact]
    public void UsesTheUsGovernmentEndpointsForItsChannelService()
    {
        var settings = BotFrameworkSettings.From(new BotFrameworkAuthenticationOptions
        {
            MicrosoftAppId = "a",
            MicrosoftAppPassword = "p",
            ChannelService = "https://botframework.azure.us",
        });

        Assert.Equal(new Uri("https://login.botframework.azure.us/v1/.well-known/openidconfiguration"), settings.ChannelOpenIdMetadataUrl);
        Assert.Equal("https://api.botframework.us", settings.ChannelTokenIssuer);
        Assert.Equal(new Uri("https://login.microsoftonline.us/MicrosoftServices.onmicrosoft.us/oauth2/v2.0/token"), settings.TokenEndpoint);
        Assert.Equal("urn:botframework:azureusgov", settings.CallerId);
    }

    [Fact]
    public void PrefersTheNewMetadataKeyOverTheOldOne()
    {
        var settings = BotFrameworkSettings.From(new BotFrameworkAuthenticationOptions
        {
            BotOpenIdMetadata = "https://old.example/openid",
            ToBotFromChannelOpenIdMetadataUrl = "https://new.example/openid",
        });

        Assert.Equal(new Uri("https://new.example/openid"), settings.ChannelOpenIdMetadataUrl);
    }

    [Fact]
    public void NeverPrintsTheSecrets()
    {
        var options = new BotFrameworkAuthenticationOptions { MicrosoftAppId = "a", MicrosoftAppPassword = "hunter2-secret", IdentityHeader = "header-secret" };

        var printed = options.ToString();

        Assert.Contains("MicrosoftAppId = a", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2-secret", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("header-secret", printed, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> Parse(string settings) =>
        settings.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => (string?)pair[1]);
}
