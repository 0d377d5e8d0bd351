namespace ChatReport.Bot.Digests;

/// <summary>
/// What one group's digest says. <c>Deeds</c> and <c>Deductions</c> hold at most the configured
/// number of lines; <c>DeedCount</c> and <c>DeductionCount</c> count them all. <c>MonthByDay</c>
/// holds the branch's points (base excluded) on each day of the digest's month up to its day, by
/// the day the deeds were done: index 0 is the 1st.
/// </summary>
public sealed record DigestContent(
    string UnitName,
    DateOnly LocalDate,
    TimeZoneInfo Zone,
    int? Quarter,
    IReadOnlyList<DigestLine> Deeds,
    int DeedCount,
    IReadOnlyList<DigestLine> Deductions,
    int DeductionCount,
    IReadOnlyList<DigestLeader> TopThree,
    IReadOnlyList<DigestTask> OpenTasks,
    int PendingClaims,
    IReadOnlyList<int>? MonthByDay = null)
{
    /// <summary>False on a day with nothing new to report; such days are skipped unless a branch wants them.</summary>
    public bool HasNews => DeedCount > 0 || DeductionCount > 0;
}
