namespace ChatReport.Dialogs.Domain;

/// <summary>A channel user asking to join a unit with a code.</summary>
/// <param name="Code">The code as typed (surrounding spaces are ignored).</param>
/// <param name="ChannelId">The channel the request came from.</param>
/// <param name="UserId">The user's id on that channel.</param>
/// <param name="UserName">The name the channel gave, if any.</param>
/// <param name="DisplayName">The name the member confirmed; an unlinked roster entry with exactly this name is claimed instead of creating a new member.</param>
public sealed record JoinRequest(string Code, string ChannelId, string UserId, string? UserName, string DisplayName);
