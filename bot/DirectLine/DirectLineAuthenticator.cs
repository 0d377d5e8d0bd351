using System.Diagnostics.CodeAnalysis;
using ChatReport.Dialogs.Schema;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatReport.Bot.DirectLine;

/// <summary>
/// The client API's credentials, as the service checks them: the secret opens everything, a token
/// only its own conversation. Missing or unknown credentials are 401, an expired token is 403
/// <c>TokenExpired</c> (DirectLineJS then stops and reports ExpiredToken).
/// </summary>
public sealed class DirectLineAuthenticator(DirectLineSecret secret, DirectLineTokenService tokens)
{
    public async Task<(DirectLineCaller? Caller, JsonHttpResult<ErrorResponse>? Error)> AuthenticateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!TryGetBearer(request, out var presented))
        {
            return (null, DirectLineErrors.NotAuthorized("Send the Direct Line secret or a token as 'Authorization: Bearer …'."));
        }

        if (await secret.MatchesAsync(presented, cancellationToken))
        {
            return (DirectLineCaller.SecretHolder, null);
        }

        var (check, token) = await tokens.ValidateAsync(presented, DirectLineToken.ConversationAudience, cancellationToken);
        return check switch
        {
            TokenCheck.Valid => (new DirectLineCaller(token), null),
            TokenCheck.Expired => (null, DirectLineErrors.Expired()),
            _ => (null, DirectLineErrors.NotAuthorized("The Direct Line secret or token is not valid.")),
        };
    }

    /// <summary>The value of <c>Authorization: Bearer …</c>, if the request has one.</summary>
    public static bool TryGetBearer(HttpRequest request, [NotNullWhen(true)] out string? value)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) && header.Length > scheme.Length)
        {
            value = header[scheme.Length..].Trim();
            return value.Length > 0;
        }

        value = null;
        return false;
    }
}
