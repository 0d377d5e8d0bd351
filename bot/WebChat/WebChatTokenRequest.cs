namespace ChatReport.Bot.WebChat;

/// <summary>
/// What the page sends for a token. Signed in: nothing, for the member's private chat, or
/// <paramref name="BranchGroup"/> for their branch's group; a user id other than the member's own
/// is refused. With the local demo page (<c>WebChat:PickIdentity</c>): who the person says they are,
/// and optionally the name of a group conversation to join.
/// </summary>
public sealed record WebChatTokenRequest(string? UserId, string? Name, string? Group, string? Locale, bool? BranchGroup = null);
