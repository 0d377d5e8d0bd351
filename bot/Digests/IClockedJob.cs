namespace ChatReport.Bot.Digests;

/// <summary>
/// A job <see cref="DigestScheduler"/> runs besides the digests, such as the nightly backup: it is
/// woken when the job is due, and a failed run is logged and tried again on the next round.
/// </summary>
public interface IClockedJob
{
    /// <summary>As the log names it ("nightly backup").</summary>
    string Name { get; }

    bool Enabled { get; }

    /// <summary>Does what is due now, if anything; must be safe to call on every round and from several instances.</summary>
    Task RunDueAsync(CancellationToken cancellationToken);

    /// <summary>When the job is next due after now, or null when never.</summary>
    DateTimeOffset? NextDue();
}
