using System.Text;

namespace ChatReport.Bot.Authentication;

/// <summary>
/// Bot Framework authentication settings, bound from the configuration root under the SDK's own
/// key names so that an Azure Bot's usual app settings work unchanged. Every override is optional:
/// <see cref="BotFrameworkSettings"/> turns the options into the values actually used.
/// </summary>
public sealed record BotFrameworkAuthenticationOptions
{
    /// <summary>Empty means authentication is off in both directions, as in the SDK.</summary>
    public string? MicrosoftAppId { get; init; }

    public string? MicrosoftAppPassword { get; init; }

    /// <summary><c>MultiTenant</c> (default), <c>SingleTenant</c> or <c>UserAssignedMSI</c>, any case.</summary>
    public string? MicrosoftAppType { get; init; }

    public string? MicrosoftAppTenantId { get; init; }

    /// <summary>Empty for the public cloud; <c>https://botframework.azure.us</c> for US Government.</summary>
    public string? ChannelService { get; init; }

    /// <summary>The SDK's older name for <see cref="ToBotFromChannelOpenIdMetadataUrl"/>.</summary>
    public string? BotOpenIdMetadata { get; init; }

    public string? ToBotFromChannelOpenIdMetadataUrl { get; init; }

    public string? ToBotFromChannelTokenIssuer { get; init; }

    public string? ToBotFromEmulatorOpenIdMetadataUrl { get; init; }

    /// <summary>The authority, without <c>/oauth2/v2.0/token</c>.</summary>
    public string? ToChannelFromBotLoginUrl { get; init; }

    /// <summary>The resource the bot's token is for; <c>/.default</c> is appended when asking for it.</summary>
    public string? ToChannelFromBotOAuthScope { get; init; }

    /// <summary>Endorsements a channel's signing key must carry besides the activity's channelId.</summary>
    public IReadOnlyList<string> RequiredEndorsements { get; init; } = [];

    /// <summary>Set by App Service and Functions when a managed identity is assigned.</summary>
    [ConfigurationKeyName("IDENTITY_ENDPOINT")]
    public string? IdentityEndpoint { get; init; }

    [ConfigurationKeyName("IDENTITY_HEADER")]
    public string? IdentityHeader { get; init; }

    /// <summary>The instance metadata service, used for a managed identity when App Service's variables are absent.</summary>
    public string? ManagedIdentityTokenEndpoint { get; init; }

    // Records print every property; the password and the identity header must never reach a log.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("MicrosoftAppId = ").Append(MicrosoftAppId)
            .Append(", MicrosoftAppPassword = ").Append(MicrosoftAppPassword is null ? "null" : "***")
            .Append(", MicrosoftAppType = ").Append(MicrosoftAppType)
            .Append(", MicrosoftAppTenantId = ").Append(MicrosoftAppTenantId)
            .Append(", ChannelService = ").Append(ChannelService)
            .Append(", IdentityHeader = ").Append(IdentityHeader is null ? "null" : "***");
        return true;
    }
}
