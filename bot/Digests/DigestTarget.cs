using ChatReport.Bot.Storage.Channels;
using ChatReport.Bot.Storage.Schedules;

namespace ChatReport.Bot.Digests;

/// <summary>
/// One group's digest the current round must deliver: a new one for the group's latest scheduled
/// instant, or an abandoned claim (<see cref="AbandonedRun"/>) to take over with its window.
/// </summary>
internal sealed record DigestTarget(
    SubscribedGroup Subscription,
    DateTimeOffset Occurrence,
    DateOnly LocalDate,
    TimeZoneInfo Zone,
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd,
    bool SkipEmptyDays,
    bool PublishDeductions,
    long? CycleId,
    int? Quarter,
    DigestRun? AbandonedRun)
{
    public GroupAddress Group => Subscription.Group;

    /// <summary>The first day of the digest's local month, which its chart starts from.</summary>
    public DateOnly MonthFirst => new(LocalDate.Year, LocalDate.Month, 1);

    public DigestRunClaim ToClaim(string instance, bool isLate) =>
        new(Group, Subscription.UnitId, LocalDate, WindowStart, WindowEnd, instance, isLate);
}
