using ChatReport.Bot.Authentication;
using ChatReport.Dialogs.Schema;

namespace ChatReport.Bot.Messaging.Fallbacks;

/// <summary>
/// Used only when no real authenticator is registered. It lets local tools in when the bot has
/// no MicrosoftAppId (authentication off, as in the SDK) and refuses everything else, so that a
/// configured bot without token validation is closed rather than open.
/// </summary>
public sealed class AnonymousChannelAuthenticator(BotFrameworkSettings settings) : IChannelAuthenticator
{
    public Task<AuthenticationOutcome> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken)
    {
        if (settings.IsAuthenticationEnabled)
        {
            return Task.FromResult(AuthenticationOutcome.Refused("MicrosoftAppId is set but this build has no token validation."));
        }

        return Task.FromResult(string.IsNullOrWhiteSpace(authorizationHeader)
            ? AuthenticationOutcome.Anonymous
            : AuthenticationOutcome.Refused("Authentication is off (no MicrosoftAppId), so a bearer token cannot be checked."));
    }
}
