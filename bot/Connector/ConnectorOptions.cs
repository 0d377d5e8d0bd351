using System.ComponentModel.DataAnnotations;

namespace ChatReport.Bot.Connector;

/// <summary>Retry and pacing of calls to a channel's Connector service.</summary>
public sealed record ConnectorOptions
{
    public const string Section = "Connector";

    /// <summary>Retries after the first attempt, on 429/412/502/503/504 and timeouts.</summary>
    [Range(0, 10)]
    public int MaxRetryAttempts { get; init; } = 3;

    /// <summary>First backoff step; later steps double, with jitter (about 1, 2, 4 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest single wait, whether from backoff or from <c>Retry-After</c>. A channel that
    /// asks for a longer pause gets no retry: the call fails at once instead of holding the turn.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:05:00")]
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>One HTTP attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>All attempts and waits together.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:30:00")]
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Teams allows a bot 7 sends per conversation per second…</summary>
    [Range(1, 1000)]
    public int PermitsPerSecond { get; init; } = 7;

    /// <summary>…and 60 per 30 seconds.</summary>
    [Range(1, 10000)]
    public int PermitsPerHalfMinute { get; init; } = 60;

    /// <summary>Calls waiting for a permit per conversation; more than this fail instead of waiting.</summary>
    [Range(0, 100000)]
    public int QueueLimit { get; init; } = 1000;
}
