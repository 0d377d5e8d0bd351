using System.Data.Common;
using ChatReport.Bot.Storage.Channels;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ChatReport.Bot.Health;

/// <summary>The outbox is moving: its oldest unsent reply is younger than <see cref="HealthOptions.OutboxStuckAfter"/>.</summary>
public sealed class OutboxHealthCheck(OutboxStore outbox, TimeProvider time, IOptions<HealthOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var backlog = await outbox.GetBacklogAsync(cancellationToken);
            var age = backlog.OldestCreatedAt is { } oldest ? time.GetUtcNow() - oldest : TimeSpan.Zero;
            return age > options.Value.OutboxStuckAfter
                ? HealthCheckResult.Unhealthy($"{backlog.Depth} replies are waiting in the outbox; the oldest since {age:d\\.hh\\:mm\\:ss}.")
                : HealthCheckResult.Healthy($"{backlog.Depth} replies waiting.");
        }
        catch (DbException ex)
        {
            return HealthCheckResult.Unhealthy("The outbox cannot be read.", ex);
        }
    }
}
