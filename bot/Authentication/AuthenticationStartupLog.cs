namespace ChatReport.Bot.Authentication;

/// <summary>Says at start-up which way authentication is set, loudly when it is off.</summary>
internal sealed class AuthenticationStartupLog(BotFrameworkSettings settings, ILogger<AuthenticationStartupLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!settings.IsAuthenticationEnabled)
        {
            logger.LogWarning(
                "AUTHENTICATION IS OFF: MicrosoftAppId is empty, so anyone who can reach /api/messages can talk to the bot as any user, " +
                "and replies carry no token. Fine on a developer machine; for Azure Bot Service set MicrosoftAppId and MicrosoftAppPassword " +
                "(and MicrosoftAppType/MicrosoftAppTenantId for a single-tenant bot or a managed identity).");
        }
        else
        {
            logger.LogInformation(
                "Authentication is on for app {MicrosoftAppId} ({MicrosoftAppType}); channel keys from {MetadataUrl}, tokens from {TokenEndpoint}",
                settings.AppId,
                settings.AppType,
                settings.ChannelOpenIdMetadataUrl,
                settings.AppType == BotAppType.UserAssignedMsi ? "the managed identity endpoint" : settings.TokenEndpoint);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
