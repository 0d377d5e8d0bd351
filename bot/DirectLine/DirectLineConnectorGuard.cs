using System.Security.Cryptography;
using System.Text;
using ChatReport.Bot.Authentication;
using ChatReport.Dialogs.Schema;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatReport.Bot.DirectLine;

/// <summary>
/// Who may call this channel's Connector routes. With no <c>MicrosoftAppId</c> the bot's
/// Connector client sends no Authorization header at all (the SDK's auth-off mode), so the
/// routes are open, like the local tools the SDK talks to. With an app id the caller must present
/// the bot's own current Connector token: the only legitimate caller is this bot, and comparing
/// with <see cref="IConnectorCredentials"/> needs no network. A token refreshed between the
/// client's read and this check is refused once (401); the Connector client retries.
/// </summary>
public sealed class DirectLineConnectorGuard(BotFrameworkSettings settings, ILogger<DirectLineConnectorGuard> logger)
{
    public async Task<JsonHttpResult<ErrorResponse>?> CheckAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!settings.IsAuthenticationEnabled)
        {
            return null;
        }

        if (!DirectLineAuthenticator.TryGetBearer(request, out var presented))
        {
            return DirectLineErrors.NotAuthorized("No Authorization header.");
        }

        var credentials = request.HttpContext.RequestServices.GetService<IConnectorCredentials>();
        var own = credentials is null ? null : await credentials.GetAccessTokenAsync(cancellationToken);
        if (own is null)
        {
            logger.LogWarning("A Connector call to the local Direct Line was refused: MicrosoftAppId is set but the bot has no Connector credentials to compare with");
            return DirectLineErrors.NotAuthorized("The bot's credentials are not available.");
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(own))
            ? null
            : DirectLineErrors.NotAuthorized("The bearer token is not this bot's.");
    }
}
