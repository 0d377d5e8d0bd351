using System.Data.Common;
using ChatReport.Bot.Storage.Channels;
using Microsoft.Extensions.Options;

namespace ChatReport.Bot.Messaging;

/// <summary>Once an hour, forgets activity ids older than the de-duplication window.</summary>
public sealed class ProcessedActivityPruner(
    ProcessedActivityStore store,
    IOptions<MessagingOptions> options,
    TimeProvider time,
    ILogger<ProcessedActivityPruner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    var removed = await store.PruneAsync(options.Value.DeduplicationWindow, stoppingToken);
                    logger.LogDebug("Forgot {Count} processed activity ids", removed);
                }
                catch (DbException ex)
                {
                    // Pruning is housekeeping; the next tick tries again.
                    logger.LogWarning(ex, "Could not prune processed activity ids");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
