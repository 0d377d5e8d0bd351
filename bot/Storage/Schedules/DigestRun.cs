using ChatReport.Bot.Storage.Channels;

namespace ChatReport.Bot.Storage.Schedules;

/// <summary>
/// One group's digest for one local day (<c>digest_runs</c>). It covers ledger entries recorded
/// in (<see cref="WindowStart"/>, <see cref="WindowEnd"/>].
/// </summary>
public sealed record DigestRun(
    long Id,
    GroupAddress Group,
    long UnitId,
    DateOnly LocalDate,
    DigestRunStatus Status,
    string ClaimedBy,
    DateTimeOffset ClaimedAt,
    DateTimeOffset? FinishedAt,
    int Attempts,
    bool IsLate,
    string? LastError,
    DateTimeOffset? WindowStart,
    DateTimeOffset? WindowEnd,
    string? ActivityId);
