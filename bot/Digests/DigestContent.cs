namespace ChatReport.Bot.Digests;

/// <summary>
/// What one group's digest says. <c>Deeds</c> and <c>Deductions</c> hold at most the configured
/// number of lines; <c>DeedCount</c> and <c>DeductionCount</c> count them all.
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
    int PendingClaims)
{
    /// <summary>False on a day with nothing new to report; such days are skipped unless a branch wants them.</summary>
    public bool HasNews => DeedCount > 0 || DeductionCount > 0;
}
