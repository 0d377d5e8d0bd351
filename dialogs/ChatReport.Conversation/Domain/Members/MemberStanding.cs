namespace ChatReport.Conversation.Domain;

/// <summary>
/// One line of a branch ranking. Ranks are standard competition ranks (1, 2, 2, 4): members with
/// equal totals share a rank and the next rank is skipped, as on a paper notice board.
/// </summary>
/// <param name="MemberId">The member.</param>
/// <param name="DisplayName">The member's name.</param>
/// <param name="Points">The member's points over the period.</param>
/// <param name="Rank">1 for the highest total.</param>
public sealed record MemberStanding(long MemberId, string DisplayName, PointsBreakdown Points, int Rank);
