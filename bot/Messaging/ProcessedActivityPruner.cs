using ChatReport.Bot.Scheduling;
using ChatReport.Bot.Storage.Channels;
using Microsoft.Extensions.Options;

namespace ChatReport.Bot.Messaging;

/// <summary>Once an hour, forgets activity ids older than the de-duplication window.</summary>
public sealed class ProcessedActivityPruner(
    ProcessedActivityStore store,
    IOptions<MessagingOptions> options,
    TimeProvider time,
    ILogger<ProcessedActivityPruner> logger) : HourlyPruner(time, logger)
{
    protected override string Pruned => "processed activity ids";

    protected override Task<int> PruneAsync(CancellationToken cancellationToken) =>
        store.PruneAsync(options.Value.DeduplicationWindow, cancellationToken);
}
