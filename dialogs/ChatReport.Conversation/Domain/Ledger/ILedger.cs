namespace ChatReport.Conversation.Domain;

/// <summary>The append-only points ledger: totals, rankings, deductions and reversals.</summary>
public interface ILedger
{
    /// <summary>A member's points over a cycle, or one quarter of it: base + bonus − deduction.</summary>
    /// <param name="memberId">The member.</param>
    /// <param name="cycleId">The cycle.</param>
    /// <param name="quarter">A quarter (1–4), or null for the whole cycle.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The breakdown; zero when there are no entries.</returns>
    Task<PointsBreakdown> GetTotalAsync(long memberId, long cycleId, int? quarter, CancellationToken cancellationToken);

    /// <summary>A member's ledger entries, in the order they were written.</summary>
    /// <param name="memberId">The member.</param>
    /// <param name="cycleId">The cycle.</param>
    /// <param name="quarter">A quarter (1–4), or null for the whole cycle.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The entries.</returns>
    Task<IReadOnlyList<LedgerEntry>> ListEntriesAsync(long memberId, long cycleId, int? quarter, CancellationToken cancellationToken);

    /// <summary>A branch's entries for a quarter: the items of the public notice (张榜公布).</summary>
    /// <param name="unitId">The branch.</param>
    /// <param name="cycleId">The cycle.</param>
    /// <param name="quarter">The quarter (1–4).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The entries booked by the branch, by member, then in the order written.</returns>
    Task<IReadOnlyList<LedgerEntry>> ListUnitEntriesAsync(long unitId, long cycleId, int quarter, CancellationToken cancellationToken);

    /// <summary>
    /// The ranking of a branch's active members over a cycle or a quarter, including members with
    /// no points. Standard competition ranking (1, 2, 2, 4); equal totals are listed by member number.
    /// </summary>
    /// <param name="unitId">The branch.</param>
    /// <param name="cycleId">The cycle.</param>
    /// <param name="quarter">A quarter (1–4), or null for the whole cycle.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Every active member with their points and rank, best first.</returns>
    Task<IReadOnlyList<MemberStanding>> GetStandingsAsync(long unitId, long cycleId, int? quarter, CancellationToken cancellationToken);

    /// <summary>A member's place in the ranking of their current branch.</summary>
    /// <param name="memberId">The member.</param>
    /// <param name="cycleId">The cycle.</param>
    /// <param name="quarter">A quarter (1–4), or null for the whole cycle.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The member's standing, or null when the member is unknown or inactive.</returns>
    Task<MemberRank?> GetRankAsync(long memberId, long cycleId, int? quarter, CancellationToken cancellationToken);

    /// <summary>
    /// Records a deduction (a negative entry) with its reason, in the cycle of its day; audited.
    /// A request with a <see cref="DeductionRequest.Source"/> already recorded returns that entry.
    /// </summary>
    /// <param name="request">The deduction.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How it ended.</returns>
    /// <exception cref="ArgumentException">Points outside 1–1000 or an empty reason.</exception>
    Task<LedgerRecording> RecordDeductionAsync(DeductionRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Cancels an entry with an opposite one (same rule, claim and task), booked in the entry's
    /// quarter or, when that is signed off, the next open one; audited. An entry is reversed at
    /// most once: asking again returns the reversal already written.
    /// </summary>
    /// <param name="request">The reversal.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How it ended.</returns>
    /// <exception cref="ArgumentException">An empty reason.</exception>
    Task<LedgerRecording> ReverseAsync(ReversalRequest request, CancellationToken cancellationToken);
}
