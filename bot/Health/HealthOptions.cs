using System.ComponentModel.DataAnnotations;

namespace ChatReport.Bot.Health;

/// <summary>What <c>/healthz/ready</c> counts as unhealthy.</summary>
public sealed record HealthOptions
{
    public const string Section = "Health";

    /// <summary>
    /// A reply still unsent this long after it was first kept means the channel has been refusing
    /// for a long while (the outbox retries every 30 s to 30 min), and someone should look.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan OutboxStuckAfter { get; init; } = TimeSpan.FromHours(1);
}
