using ChatReport.Conversation.Domain;

namespace ChatReport.Bot.Notices;

/// <summary>
/// A branch's quarterly public notice (张榜公示): every member's points of the quarter, ranked.
/// <c>SignedOn</c> is the local day of the sign-off, in the cycle's time zone.
/// </summary>
public sealed record QuarterNotice(
    long UnitId,
    string UnitName,
    int Year,
    int Quarter,
    DateRange Days,
    QuarterSignOff? SignOff,
    string? SignedByName,
    DateOnly? SignedOn,
    IReadOnlyList<NoticeRow> Rows);
