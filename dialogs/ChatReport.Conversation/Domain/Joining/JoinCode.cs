namespace ChatReport.Conversation.Domain;

/// <summary>A code a secretary hands out so that members can join the unit from chat (加入 123456).</summary>
/// <param name="Code">The code members type.</param>
/// <param name="UnitId">The unit it joins.</param>
/// <param name="CreatedBy">Who issued it.</param>
/// <param name="CreatedAt">When it was issued.</param>
/// <param name="ExpiresAt">After this instant it no longer works; null for never.</param>
/// <param name="MaxUses">How many members may join with it; null for no limit.</param>
/// <param name="Uses">How many have joined with it so far.</param>
/// <param name="RevokedAt">When it was revoked; null while it works.</param>
/// <param name="MemberId">For a personal code, the roster entry it claims (roles included); null for a branch's code, which makes ordinary members only.</param>
public sealed record JoinCode(
    string Code,
    long UnitId,
    long? CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    int? MaxUses,
    int Uses,
    DateTimeOffset? RevokedAt,
    long? MemberId = null)
{
    /// <summary>Whether a member could join with this code at <paramref name="now"/>.</summary>
    /// <param name="now">The instant to judge at.</param>
    /// <returns>True when it is neither revoked, expired nor used up.</returns>
    public bool IsUsableAt(DateTimeOffset now) =>
        RevokedAt is null && (ExpiresAt is null || now < ExpiresAt) && (MaxUses is null || Uses < MaxUses);
}
