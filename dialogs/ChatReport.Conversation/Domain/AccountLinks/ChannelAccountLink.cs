namespace ChatReport.Conversation.Domain;

/// <summary>
/// One channel account that belongs to a member. A member may have several (Teams at the
/// office, Web Chat at home); an account belongs to at most one member.
/// </summary>
/// <param name="ChannelId">The Bot Framework channel id (msteams, webchat, directline…).</param>
/// <param name="UserId">The user's id on that channel (<c>from.id</c>).</param>
/// <param name="MemberId">The member it belongs to.</param>
/// <param name="UserName">The name the channel gave when it was linked, if any.</param>
/// <param name="LinkedAt">When it was linked.</param>
public sealed record ChannelAccountLink(string ChannelId, string UserId, long MemberId, string? UserName, DateTimeOffset LinkedAt);
