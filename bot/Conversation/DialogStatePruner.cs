using ChatReport.Bot.Scheduling;
using ChatReport.Dialogs.Runtime;
using ChatReport.Dialogs.State;

namespace ChatReport.Bot.Conversation;

/// <summary>Once an hour, deletes dialog stacks untouched for longer than they live (the runner would drop them anyway).</summary>
public sealed class DialogStatePruner(
    IDialogStateStore store,
    DialogRunnerOptions options,
    TimeProvider time,
    ILogger<DialogStatePruner> logger) : HourlyPruner(time, logger)
{
    protected override string Pruned => "expired dialog stacks";

    protected override Task<int> PruneAsync(CancellationToken cancellationToken) =>
        store.DeleteExpiredAsync(Time.GetUtcNow() - options.ExpireAfter, cancellationToken);
}
