namespace ChatReport.Conversation.Points;

/// <summary>Each branch's ranking setting (排行榜设置).</summary>
public interface IRankingSettings
{
    /// <summary>The branch's setting; <see cref="RankingPrivacy.Default"/> when none was made.</summary>
    /// <param name="unitId">The branch.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The setting.</returns>
    Task<RankingPrivacy> GetAsync(long unitId, CancellationToken cancellationToken);

    /// <summary>Stores the branch's setting and its audit record in one transaction.</summary>
    /// <param name="unitId">The branch.</param>
    /// <param name="privacy">The new setting.</param>
    /// <param name="actorId">The secretary who made it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The setting now in force.</returns>
    Task<RankingPrivacy> SetAsync(long unitId, RankingPrivacy privacy, long actorId, CancellationToken cancellationToken);
}
