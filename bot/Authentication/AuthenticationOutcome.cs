using System.Security.Claims;

namespace ChatReport.Bot.Authentication;

/// <summary>
/// What inbound authentication concluded about one request. A failed outcome never reaches
/// the bot: the endpoint answers 401.
/// </summary>
/// <param name="IsAuthenticated">The request may run a turn (anonymous counts when authentication is off).</param>
/// <param name="Identity">The validated token's claims; anonymous when authentication is off.</param>
/// <param name="CallerId">What the SDK would stamp as <c>callerId</c> (never taken from the wire).</param>
/// <param name="ServiceUrlVerified">The activity's serviceUrl was vouched for by a validated token (or by a local channel).</param>
/// <param name="FailureReason">Why the request was refused, for the log.</param>
public sealed record AuthenticationOutcome(
    bool IsAuthenticated,
    ClaimsIdentity? Identity,
    string? CallerId,
    bool ServiceUrlVerified,
    string? FailureReason)
{
    public static AuthenticationOutcome Refused(string reason) => new(false, null, null, false, reason);

    /// <summary>Authentication is off (no MicrosoftAppId): every request runs, no serviceUrl is vouched for.</summary>
    public static AuthenticationOutcome Anonymous { get; } = new(true, new ClaimsIdentity(), null, false, null);

    /// <summary>An in-process channel hosted by the bot itself (the local Direct Line).</summary>
    public static AuthenticationOutcome LocalChannel { get; } = new(true, new ClaimsIdentity("local-channel"), null, true, null);
}
