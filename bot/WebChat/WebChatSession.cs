using System.Security.Claims;
using ChatReport.Bot.Storage.Channels;
using ChatReport.Conversation.Domain;
using Microsoft.AspNetCore.Authentication;

namespace ChatReport.Bot.WebChat;

/// <summary>
/// The signed-in browser behind a request: the cookie names a session row, and the row (not the
/// cookie) says which member and user id it is, so signing a device out takes effect at its next
/// request.
/// </summary>
/// <param name="Session">The session row.</param>
/// <param name="Member">The member, active.</param>
public sealed record WebChatSession(WebSession Session, Member Member)
{
    public const string SessionClaim = "sid";

    /// <summary>The current session, or null when the cookie is missing, unreadable, signed out, or its member deactivated.</summary>
    public static async Task<WebChatSession?> FindAsync(HttpContext context, WebSessionStore sessions, IMemberDirectory members, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(members);
        var result = await context.AuthenticateAsync(WebChatExtensions.Scheme);
        if (result.Principal?.FindFirstValue(SessionClaim) is not { Length: > 0 } id
            || await sessions.GetAsync(id, cancellationToken) is not { RevokedAt: null } session
            || await members.GetAsync(session.MemberId, cancellationToken) is not { IsActive: true } member)
        {
            return null;
        }

        return new WebChatSession(session, member);
    }

    /// <summary>Sets the long-lived cookie for a new session.</summary>
    public static Task SignInAsync(HttpContext context, WebSession session)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(session);
        var identity = new ClaimsIdentity([new System.Security.Claims.Claim(SessionClaim, session.Id)], WebChatExtensions.Scheme);
        return context.SignInAsync(WebChatExtensions.Scheme, new ClaimsPrincipal(identity), new AuthenticationProperties { IsPersistent = true });
    }
}
