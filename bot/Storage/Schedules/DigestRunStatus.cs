namespace ChatReport.Bot.Storage.Schedules;

public enum DigestRunStatus
{
    /// <summary>An instance has taken the run and is sending it (or crashed doing so: see the lease).</summary>
    Claimed,

    /// <summary>The channel accepted the digest.</summary>
    Sent,

    /// <summary>Nothing to say that day; the next digest starts after this one's window.</summary>
    Skipped,

    /// <summary>Gave up (see <see cref="DigestRun.LastError"/>); the next digest covers its window again.</summary>
    Failed,
}
