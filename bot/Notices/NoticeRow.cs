namespace ChatReport.Bot.Notices;

/// <summary>
/// One member's line on the public notice: the quarter's base points, additions and deductions
/// (deductions as a positive number, corrections counted in the part they correct), the
/// quarter's total, the cycle's total through this quarter, and the rank by that total.
/// </summary>
public sealed record NoticeRow(
    int Rank,
    long MemberId,
    string DisplayName,
    int BasePoints,
    int Additions,
    int Deductions,
    int CycleTotal,
    IReadOnlyList<NoticeItem> Items)
{
    public int QuarterTotal => BasePoints + Additions - Deductions;
}
