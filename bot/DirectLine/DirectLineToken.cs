namespace ChatReport.Bot.DirectLine;

/// <summary>
/// What a token vouches for: one conversation until <paramref name="ExpiresAt"/>, and when
/// <paramref name="UserId"/> is set, one user in it (posts are stamped with that id). Without a
/// user the holder names the sender, as with the secret. <paramref name="TokenId"/> tells tokens
/// apart (one socket per token); a stream ticket carries the id of the token it was issued for.
/// </summary>
public sealed record DirectLineToken(
    string ConversationId,
    string? UserId,
    string? UserName,
    string TokenId,
    DateTimeOffset ExpiresAt,
    string Audience)
{
    /// <summary>Opens the REST API for one conversation.</summary>
    public const string ConversationAudience = "directline";

    /// <summary>Opens the WebSocket stream once, shortly after it was issued; useless for REST.</summary>
    public const string StreamAudience = "directline.stream";
}
