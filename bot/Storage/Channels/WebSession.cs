namespace ChatReport.Bot.Storage.Channels;

/// <summary>One browser signed in to the Web Chat page.</summary>
/// <param name="Id">The random id the sign-in cookie carries.</param>
/// <param name="MemberId">Whose browser it is.</param>
/// <param name="UserId">The Direct Line user id the page's tokens are issued for (a channel account of the member).</param>
/// <param name="CreatedAt">When it signed in.</param>
/// <param name="LastSeenAt">Its latest token request.</param>
/// <param name="UserAgent">What the browser said it is, shortened, to tell devices apart.</param>
/// <param name="RevokedAt">When it was signed out; null while it works.</param>
/// <param name="RevokedBy">Who signed it out (the member, or their secretary).</param>
public sealed record WebSession(
    string Id,
    long MemberId,
    string UserId,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastSeenAt,
    string? UserAgent,
    DateTimeOffset? RevokedAt,
    long? RevokedBy);
