namespace ChatReport.Bot.Scheduling;

/// <summary>
/// A job <see cref="ClockedJobScheduler"/> runs: the yearly rollover, the digests, the quarterly
/// notices, objection periods, review reminders, the nightly backup. It is woken when the job is
/// due, and a failed run is logged and tried again on the next round.
/// </summary>
public interface IClockedJob
{
    /// <summary>As the log names it ("nightly backup").</summary>
    string Name { get; }

    bool Enabled { get; }

    /// <summary>
    /// Does what is due now, if anything. Must be safe to call on every round and from several
    /// instances on one database: whatever it does is claimed there first, so only one does it.
    /// </summary>
    Task RunDueAsync(CancellationToken cancellationToken);

    /// <summary>When the job is next due after now, or null when it only runs with the others.</summary>
    ValueTask<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken);
}
