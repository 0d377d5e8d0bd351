namespace ChatReport.Conversation.Domain;

/// <summary>Yearly cycles, their quarters, and the secretary's quarterly sign-off.</summary>
public interface ICycleCalendar
{
    /// <summary>The cycle a local day falls in, open or closed.</summary>
    /// <param name="day">The local day.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The cycle, or null when none has been created for that day.</returns>
    Task<Cycle?> FindCycleForDateAsync(DateOnly day, CancellationToken cancellationToken);

    /// <summary>The cycle that starts in a year (我的积分 2025).</summary>
    /// <param name="year">The calendar year it starts in.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The cycle, or null.</returns>
    Task<Cycle?> FindCycleAsync(int year, CancellationToken cancellationToken);

    /// <summary>A cycle by number.</summary>
    /// <param name="cycleId">The cycle's number.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The cycle, or null.</returns>
    Task<Cycle?> GetCycleAsync(long cycleId, CancellationToken cancellationToken);

    /// <summary>All cycles, newest first.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The cycles.</returns>
    Task<IReadOnlyList<Cycle>> ListCyclesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Makes sure the cycle starting in <paramref name="year"/> exists (on the configured start
    /// day), and that every active member has its base points, in one transaction. Idempotent.
    /// </summary>
    /// <param name="year">The calendar year the cycle starts in.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The cycle.</returns>
    Task<Cycle> EnsureCycleAsync(int year, CancellationToken cancellationToken);

    /// <summary>Closes a cycle to new claims; its history stays queryable. Audited.</summary>
    /// <param name="cycleId">The cycle.</param>
    /// <param name="actorId">Who closed it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>False when there is no such open cycle.</returns>
    Task<bool> CloseCycleAsync(long cycleId, long? actorId, CancellationToken cancellationToken);

    /// <summary>Signs off a branch's quarter (签字确认), locking it. Idempotent: a second sign-off returns the first.</summary>
    /// <param name="unitId">The branch.</param>
    /// <param name="year">The cycle's year.</param>
    /// <param name="quarter">The quarter (1–4).</param>
    /// <param name="signedBy">The secretary.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The sign-off that stands.</returns>
    Task<QuarterSignOffResult> SignOffQuarterAsync(long unitId, int year, int quarter, long signedBy, CancellationToken cancellationToken);

    /// <summary>The sign-off of a branch's quarter.</summary>
    /// <param name="unitId">The branch.</param>
    /// <param name="year">The cycle's year.</param>
    /// <param name="quarter">The quarter (1–4).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The sign-off, or null while the quarter is open.</returns>
    Task<QuarterSignOff?> FindSignOffAsync(long unitId, int year, int quarter, CancellationToken cancellationToken);
}
