using ChatReport.Conversation.Domain;

namespace ChatReport.Conversation.Points;

/// <summary>
/// A branch's ranking setting: public ranking lists can turn points into quotas, so the secretary
/// decides how much of the list members see. Their own place is always shown to them.
/// </summary>
/// <param name="Visibility">What members see.</param>
/// <param name="TopCount">N for <see cref="RankingVisibility.Top"/>; null otherwise.</param>
public sealed record RankingPrivacy(RankingVisibility Visibility, int? TopCount = null)
{
    /// <summary>The largest N a secretary may choose (a longer list belongs on the notice).</summary>
    public const int MaxTopCount = 100;

    /// <summary>How many ranks the full list shows in chat; the quarterly notice lists everyone.</summary>
    public const int FullListRanks = 10;

    /// <summary>The default: the list as the bot always showed it.</summary>
    public static RankingPrivacy Default { get; } = new(RankingVisibility.All);

    /// <summary>Only the member's own place.</summary>
    public static RankingPrivacy OwnOnly { get; } = new(RankingVisibility.Own);

    /// <summary>The first <paramref name="count"/> ranks and the member's own place.</summary>
    /// <param name="count">N, 1 to <see cref="MaxTopCount"/>.</param>
    /// <returns>The setting.</returns>
    public static RankingPrivacy TopN(int count) =>
        count is >= 1 and <= MaxTopCount ? new(RankingVisibility.Top, count) : throw new ArgumentOutOfRangeException(nameof(count), count, $"N must be 1 to {MaxTopCount}.");

    /// <summary>
    /// The last rank members see in a list, or 0 when they see no list. Everyone who shares that
    /// rank is shown: a tie at the Nth place is never cut in half.
    /// </summary>
    public int LastListedRank() => Visibility switch
    {
        RankingVisibility.Top => TopCount ?? FullListRanks,
        RankingVisibility.Own => 0,
        _ => FullListRanks,
    };

    /// <summary>The lines of <paramref name="standings"/> members may see in a list.</summary>
    /// <param name="standings">The branch's standings, best first.</param>
    /// <returns>Those ranked up to <see cref="LastListedRank"/>.</returns>
    public IReadOnlyList<MemberStanding> Listed(IReadOnlyList<MemberStanding> standings)
    {
        ArgumentNullException.ThrowIfNull(standings);
        var last = LastListedRank();
        return [.. standings.TakeWhile(s => s.Rank <= last)];
    }
}
