using System.Threading.RateLimiting;
using ChatReport.Bot.Storage.Connections;
using Microsoft.Extensions.Options;

namespace ChatReport.Bot.Digests;

/// <summary>
/// Paces this instance's proactive sends per channel and tenant (Teams counts a bot's requests
/// per tenant: 30 a second in its documents, 50 in newer ones). Sends over the pace wait their
/// turn. Per-conversation limits (7 a second) do not bind here, since a round posts once per
/// conversation; the Connector client paces per conversation for everything else.
/// </summary>
public sealed class SendPacer : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public SendPacer(IOptions<DigestOptions> options, IOptions<StorageOptions> storage)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(storage);
        // Teams counts the tenant's requests over the whole bot, and every instance sends digests.
        var perSecond = storage.Value.ShareOf(options.Value.SendsPerSecond);
        _limiter = PartitionedRateLimiter.Create<string, string>(partition => RateLimitPartition.GetTokenBucketLimiter(
            partition,
            _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = perSecond,
                TokensPerPeriod = perSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            }));
    }

    public static string PartitionOf(string channelId, string? tenantId) => $"{channelId}/{tenantId}";

    public async ValueTask WaitAsync(string partition, CancellationToken cancellationToken)
    {
        using var lease = await _limiter.AcquireAsync(partition, 1, cancellationToken);
        if (!lease.IsAcquired)
        {
            throw new InvalidOperationException($"The send pacer refused a permit for {partition}.");
        }
    }

    public void Dispose() => _limiter.Dispose();
}
