namespace ChatReport.Conversation.Domain;

/// <summary>Who is trying a join code, for throttling guesses per account and per channel or tenant.</summary>
/// <param name="ChannelId">The channel (or <c>webchat</c> for the sign-in page).</param>
/// <param name="UserId">The account on that channel (the client's address for the sign-in page).</param>
/// <param name="TenantId">The tenant the channel reports (Teams), or null.</param>
public sealed record JoinAttempt(string ChannelId, string UserId, string? TenantId);
