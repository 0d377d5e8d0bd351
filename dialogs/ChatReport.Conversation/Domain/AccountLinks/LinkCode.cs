namespace ChatReport.Conversation.Domain;

/// <summary>A one-time code that links another channel account to a member (see <see cref="ILinkCodes"/>).</summary>
/// <param name="Code">The six digits to type on the new account. Only its hash is stored.</param>
/// <param name="MemberId">The member who asked for it.</param>
/// <param name="ExpiresAt">When it stops working.</param>
public sealed record LinkCode(string Code, long MemberId, DateTimeOffset ExpiresAt);
