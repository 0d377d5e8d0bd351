namespace ChatReport.Bot.Scheduling;

/// <summary>
/// The one background loop for everything that happens by the clock (<see cref="IClockedJob"/>,
/// in registration order). It sleeps on <see cref="TimeProvider"/> until the first job is due and
/// runs a round when it wakes, including right after start (which catches up after downtime).
/// Every job claims its work in the database, so several instances may run this loop at once.
/// </summary>
public sealed class ClockedJobScheduler(IEnumerable<IClockedJob> jobs, TimeProvider time, ILogger<ClockedJobScheduler> logger) : BackgroundService
{
    // Each job says when it is next due; this only bounds the sleep when none does.
    private static readonly TimeSpan s_longestSleep = TimeSpan.FromHours(1);

    private readonly IClockedJob[] _jobs = [.. jobs];
    private readonly TaskCompletionSource _firstRound = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Waits until the first round after start has run (at once when every job is off).</summary>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <returns>A task that completes after the first round.</returns>
    public async Task WaitFirstRoundAsync(CancellationToken cancellationToken)
    {
        // Completed by this scheduler's own loop, never by the caller's context: no deadlock to fear.
#pragma warning disable VSTHRD003
        await _firstRound.Task.WaitAsync(cancellationToken);
#pragma warning restore VSTHRD003
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var off = _jobs.Where(j => !j.Enabled).Select(j => j.Name).ToList();
        if (off.Count > 0)
        {
            logger.LogInformation("Clocked jobs switched off by configuration: {Jobs}", string.Join(", ", off));
        }

        if (off.Count == _jobs.Length)
        {
            _firstRound.TrySetResult();
            return;
        }

        // Let the host finish starting before the first round's queries.
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            await RunRoundAsync(stoppingToken);
            _firstRound.TrySetResult();
            var delay = await NextWakeAsync(stoppingToken) - time.GetUtcNow();
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, time, stoppingToken);
            }
        }
    }

    /// <summary>One round of every enabled job; each job's failure is logged and does not stop the others or the loop.</summary>
    public async Task RunRoundAsync(CancellationToken cancellationToken)
    {
        foreach (var job in _jobs.Where(j => j.Enabled))
        {
            await GuardAsync(job.Name, () => job.RunDueAsync(cancellationToken), cancellationToken);
        }
    }

    private async Task<DateTimeOffset> NextWakeAsync(CancellationToken cancellationToken)
    {
        var wake = time.GetUtcNow() + s_longestSleep;
        foreach (var job in _jobs.Where(j => j.Enabled))
        {
            try
            {
                if (await job.NextDueAsync(cancellationToken) is { } due && due < wake)
                {
                    wake = due;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Could not work out when the {Job} is next due; polling instead", job.Name);
            }
        }

        return wake;
    }

    private async Task GuardAsync(string job, Func<Task> work, CancellationToken cancellationToken)
    {
        try
        {
            await work();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "The scheduled {Job} failed; the next round tries again", job);
        }
    }
}
