namespace ChatReport.Bot.Scheduling;

/// <summary>A clocked job made of a feature's own methods, for services that need no class of their own to be one.</summary>
/// <param name="name">As the log names it.</param>
/// <param name="enabled">Read at start: whether the job runs at all.</param>
/// <param name="run">Does what is due now (claimed in the database, see <see cref="IClockedJob.RunDueAsync"/>).</param>
/// <param name="nextDue">When it is next due; null runs it with the others.</param>
public sealed class ClockedJob(
    string name,
    Func<bool> enabled,
    Func<CancellationToken, Task> run,
    Func<CancellationToken, ValueTask<DateTimeOffset?>>? nextDue = null) : IClockedJob
{
    public string Name => name;

    public bool Enabled => enabled();

    public Task RunDueAsync(CancellationToken cancellationToken) => run(cancellationToken);

    public ValueTask<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken) =>
        nextDue is null ? ValueTask.FromResult<DateTimeOffset?>(null) : nextDue(cancellationToken);
}
