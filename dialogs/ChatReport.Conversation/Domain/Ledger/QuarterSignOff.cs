namespace ChatReport.Conversation.Domain;

/// <summary>
/// A secretary's confirmation of a branch's quarter (书记签字确认). Once signed off, the quarter is
/// locked: later awards and corrections are booked into the next quarter.
/// </summary>
/// <param name="UnitId">The branch.</param>
/// <param name="Year">The cycle's year.</param>
/// <param name="Quarter">The quarter of the cycle (1–4).</param>
/// <param name="SignedBy">The member who signed.</param>
/// <param name="SignedAt">When.</param>
public sealed record QuarterSignOff(long UnitId, int Year, int Quarter, long SignedBy, DateTimeOffset SignedAt);
