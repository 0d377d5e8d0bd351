using System.Data.Common;
using ChatReport.Dialogs.Runtime;
using ChatReport.Dialogs.State;

namespace ChatReport.Bot.Conversation;

/// <summary>Once an hour, deletes dialog stacks untouched for longer than they live (the runner would drop them anyway).</summary>
public sealed class DialogStatePruner(
    IDialogStateStore store,
    DialogRunnerOptions options,
    TimeProvider time,
    ILogger<DialogStatePruner> logger) : BackgroundService
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
                    var removed = await store.DeleteExpiredAsync(time.GetUtcNow() - options.ExpireAfter, stoppingToken);
                    logger.LogDebug("Deleted {Count} expired dialog stacks", removed);
                }
                catch (DbException ex)
                {
                    // Housekeeping; the next tick tries again.
                    logger.LogWarning(ex, "Could not delete expired dialog stacks");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
