using System.Data.Common;

namespace ChatReport.Bot.Scheduling;

/// <summary>
/// Once an hour, deletes rows that have outlived their use (expired dialog stacks, activity ids
/// past the de-duplication window). Outside <see cref="ClockedJobScheduler"/> on purpose: it is
/// due at no time of day and needs no claim, since two instances deleting the same rows is
/// harmless. It is housekeeping: a failed hour is logged and the next one tries again.
/// </summary>
/// <param name="time">The clock the hours are counted on.</param>
/// <param name="logger">The derived service's logger.</param>
public abstract class HourlyPruner(TimeProvider time, ILogger logger) : BackgroundService
{
    /// <summary>The clock the hours are counted on, for what the derived service counts from now.</summary>
    protected TimeProvider Time { get; } = time;

    /// <summary>What is deleted, as the log names it ("expired dialog stacks").</summary>
    protected abstract string Pruned { get; }

    /// <summary>Deletes what has outlived its use now; returns how many rows went.</summary>
    protected abstract Task<int> PruneAsync(CancellationToken cancellationToken);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), Time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    var removed = await PruneAsync(stoppingToken);
                    logger.LogDebug("Deleted {Count} {Pruned}", removed, Pruned);
                }
                catch (DbException ex)
                {
                    logger.LogWarning(ex, "Could not delete {Pruned}; the next hour tries again", Pruned);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
