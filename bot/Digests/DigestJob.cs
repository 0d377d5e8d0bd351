using ChatReport.Bot.Metrics;
using ChatReport.Bot.Scheduling;
using Microsoft.Extensions.Options;

namespace ChatReport.Bot.Digests;

/// <summary>The daily group digests as a clocked job: due at the next group's scheduled instant, and at least every poll interval (abandoned claims, changed settings).</summary>
public sealed class DigestJob(
    DigestDispatcher digests,
    TimeProvider time,
    IOptions<DigestOptions> options,
    ILogger<DigestJob> logger,
    ChatReportMetrics? metrics = null) : IClockedJob
{
    public string Name => "digests";

    public bool Enabled => options.Value.Enabled;

    public async Task RunDueAsync(CancellationToken cancellationToken)
    {
        var report = await digests.RunDueAsync(cancellationToken);
        metrics?.RecordDigestRound(report.Sent, report.Skipped, report.Failed);
    }

    public async ValueTask<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken)
    {
        var poll = time.GetUtcNow() + options.Value.PollInterval;
        try
        {
            return await digests.NextDueAsync(cancellationToken) is { } due && due < poll ? due : poll;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Could not work out when the next digest is due; polling instead");
            return poll;
        }
    }
}
