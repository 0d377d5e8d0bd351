using ChatReport.Dialogs.Schema;

namespace ChatReport.Bot.Authentication;

/// <summary>Validates the <c>Authorization</c> header of a channel's request as the Bot Framework does.</summary>
public interface IChannelAuthenticator
{
    Task<AuthenticationOutcome> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken);
}
