namespace ChatReport.Conversation.Domain;

/// <summary>A channel user asking to join a unit with a code.</summary>
/// <param name="Code">The code as typed (surrounding spaces are ignored).</param>
/// <param name="ChannelId">The channel the request came from.</param>
/// <param name="UserId">The user's id on that channel.</param>
/// <param name="UserName">The name the channel gave, if any.</param>
/// <param name="DisplayName">The name the member confirmed; an unlinked roster entry with this name (after <see cref="PersonName.Normalize"/>) and no role above member is claimed instead of creating a new member. Ignored for a personal code.</param>
/// <param name="TenantId">The tenant the channel reports, for throttling; null when there is none.</param>
/// <param name="ThrottleAs">Whose attempts the throttle counts, when not the account itself (the sign-in page counts per client address).</param>
public sealed record JoinRequest(string Code, string ChannelId, string UserId, string? UserName, string DisplayName, string? TenantId = null, JoinAttempt? ThrottleAs = null)
{
    /// <summary>The attempt the throttle counts.</summary>
    public JoinAttempt Attempt => ThrottleAs ?? new JoinAttempt(ChannelId, UserId, TenantId);
}
