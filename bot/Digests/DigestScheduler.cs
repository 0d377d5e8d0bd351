using ChatReport.Bot.Metrics;
using ChatReport.Bot.Notices;
using Microsoft.Extensions.Options;

namespace ChatReport.Bot.Digests;

/// <summary>
/// The one background loop for everything that happens by the clock: the yearly cycle rollover,
/// the daily digests and the quarterly notices. It sleeps on <see cref="TimeProvider"/> until the
/// next digest is due, the next cycle starts or the poll interval ends, whichever is first, and
/// runs a round when it wakes, including right after start (which catches up after downtime).
/// Other clocked jobs (<see cref="IClockedJob"/>, such as the nightly backup) ride the same loop and
/// keep running when digests are switched off.
/// </summary>
public sealed class DigestScheduler(
    CycleRollover rollover,
    DigestDispatcher digests,
    QuarterNoticeService notices,
    ObjectionPeriods objections,
    IEnumerable<IClockedJob> jobs,
    TimeProvider time,
    IOptions<DigestOptions> options,
    ILogger<DigestScheduler> logger,
    ChatReportMetrics? metrics = null) : BackgroundService
{
    private readonly IClockedJob[] _jobs = [.. jobs.Where(j => j.Enabled)];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            logger.LogInformation("Digest:Enabled is false: no digests, quarterly notices or cycle rollover while running");
            if (_jobs.Length == 0)
            {
                return;
            }
        }

        // Let the host finish starting before the first round's queries.
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            await RunRoundAsync(stoppingToken);
            var wake = await NextWakeAsync(stoppingToken);
            var delay = wake - time.GetUtcNow();
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, time, stoppingToken);
            }
        }
    }

    /// <summary>One round of every clocked job; each job's failure is logged and does not stop the others or the loop.</summary>
    public async Task RunRoundAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Enabled)
        {
            await GuardAsync("cycle rollover", () => rollover.EnsureCurrentCycleAsync(cancellationToken), cancellationToken);
            await GuardAsync("digests", () => RunDigestsAsync(cancellationToken), cancellationToken);
            await GuardAsync("quarterly notices", () => notices.RunDueAsync(cancellationToken), cancellationToken);
            await GuardAsync("objection periods", () => objections.RunDueAsync(cancellationToken), cancellationToken);
        }

        foreach (var job in _jobs)
        {
            await GuardAsync(job.Name, () => job.RunDueAsync(cancellationToken), cancellationToken);
        }
    }

    private async Task RunDigestsAsync(CancellationToken cancellationToken)
    {
        var report = await digests.RunDueAsync(cancellationToken);
        metrics?.RecordDigestRound(report);
    }

    private async Task<DateTimeOffset> NextWakeAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var wake = now + options.Value.PollInterval;
        foreach (var job in _jobs)
        {
            if (job.NextDue() is { } due && due < wake)
            {
                wake = due;
            }
        }

        if (!options.Value.Enabled)
        {
            return wake;
        }

        var rolloverAt = rollover.NextRollover();
        if (rolloverAt < wake)
        {
            wake = rolloverAt;
        }

        try
        {
            if (await digests.NextDueAsync(cancellationToken) is { } due && due < wake)
            {
                wake = due;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Could not work out when the next digest is due; polling instead");
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
