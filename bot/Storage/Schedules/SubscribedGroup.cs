using ChatReport.Bot.Storage.Channels;

namespace ChatReport.Bot.Storage.Schedules;

/// <summary>
/// An active subscription as the scheduler plans with it: the branch's settings and how far the
/// group's digests have already reported: <c>CoveredUntil</c> is the end of the window of the
/// group's last sent or skipped digest, null before the first.
/// </summary>
public sealed record SubscribedGroup(
    GroupAddress Group,
    long UnitId,
    string UnitName,
    DateTimeOffset SubscribedAt,
    string? Locale,
    string? TenantId,
    BranchDigestSettings Settings,
    DateTimeOffset? CoveredUntil);
