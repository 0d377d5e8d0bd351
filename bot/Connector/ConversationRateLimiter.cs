using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace ChatReport.Bot.Connector;

/// <summary>
/// Paces Connector calls per conversation to what Teams allows a bot in one thread (7 per
/// second and 60 per 30 seconds). Calls over the limit wait their turn instead of failing;
/// other conversations are not held up.
/// </summary>
/// <remarks>
/// Counted per instance and not divided by <c>Storage:Instances</c>: a turn's messages are born
/// claimed by the instance that ran it, and a message waiting for another attempt holds back its
/// conversation's later ones from every sender, so two instances send to one conversation at
/// once only when two of its turns run at the same moment on different instances, far below 7 a
/// second at a person's pace. Should they ever pass Teams' limit, its 429 is waited out by the
/// Connector's retries and then by the outbox; dividing would halve every burst for that rare case.
/// </remarks>
public sealed class ConversationRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public ConversationRateLimiter(IOptions<ConnectorOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        _limiter = PartitionedRateLimiter.CreateChained(
            Window(settings.PermitsPerSecond, TimeSpan.FromSeconds(1), settings.QueueLimit),
            Window(settings.PermitsPerHalfMinute, TimeSpan.FromSeconds(30), settings.QueueLimit));
    }

    /// <summary>Waits for a permit for <paramref name="conversationId"/>; the lease says whether one was granted.</summary>
    public ValueTask<RateLimitLease> AcquireAsync(string conversationId, CancellationToken cancellationToken) =>
        _limiter.AcquireAsync(conversationId, 1, cancellationToken);

    public void Dispose() => _limiter.Dispose();

    private static PartitionedRateLimiter<string> Window(int permits, TimeSpan window, int queueLimit) =>
        PartitionedRateLimiter.Create<string, string>(conversationId => RateLimitPartition.GetSlidingWindowLimiter(
            conversationId,
            _ => new SlidingWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = window,
                SegmentsPerWindow = 10,
                QueueLimit = queueLimit,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            }));
}
