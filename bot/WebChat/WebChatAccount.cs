namespace ChatReport.Bot.WebChat;

/// <summary>Who the browser is signed in as (<c>GET /webchat/me</c>).</summary>
/// <param name="SignedIn">False when no valid sign-in cookie came with the request.</param>
/// <param name="PickIdentity">True when the local demo page (pick any user id) is on.</param>
/// <param name="Name">The member's name.</param>
/// <param name="Unit">The member's branch.</param>
/// <param name="UserId">The Direct Line user id the page talks as.</param>
public sealed record WebChatAccount(bool SignedIn, bool PickIdentity, string? Name = null, string? Unit = null, string? UserId = null);
