using ChatReport.Bot.Storage.Channels;

namespace ChatReport.Bot.Storage.Schedules;

/// <summary>What an instance asks for when it claims (or records as skipped) one group's digest of one day.</summary>
public sealed record DigestRunClaim(
    GroupAddress Group,
    long UnitId,
    DateOnly LocalDate,
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd,
    string ClaimedBy,
    bool IsLate);
