using System.ComponentModel.DataAnnotations;

namespace ChatReport.Bot.Outbox;

/// <summary>How outbox messages are delivered and tried again.</summary>
public sealed record OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>False stops the background rounds (retries, messages left by a stopped process); messages of new turns still go out at once.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>How often the outbox looks for messages that are due.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a sender holds a message before another may take it over: the delay before
    /// messages of a process that died are delivered by another (or by itself after a restart).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan ClaimLease { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Conversations whose messages are being sent at the same time.</summary>
    [Range(1, 1024)]
    public int MaxConcurrentConversations { get; init; } = 64;

    /// <summary>The first wait after a refusal; it doubles with each attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait between attempts.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>After this long a message is given up and logged: an answer a day late only confuses.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan GiveUpAfter { get; init; } = TimeSpan.FromHours(12);

    /// <summary>How long delivered and given-up messages stay in the table, for questions about them.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "365.00:00:00")]
    public TimeSpan KeepDelivered { get; init; } = TimeSpan.FromDays(7);
}
