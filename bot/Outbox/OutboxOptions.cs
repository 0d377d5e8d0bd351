using System.ComponentModel.DataAnnotations;

namespace ChatReport.Bot.Outbox;

/// <summary>How long and how often refused replies are tried again.</summary>
public sealed record OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>False stops the background sender (kept replies then wait until it runs again).</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>How often the outbox looks for replies that are due.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>The first wait after a refusal; it doubles with each attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait between attempts.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>After this long a reply is given up and logged: an answer a day late only confuses.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan GiveUpAfter { get; init; } = TimeSpan.FromHours(12);
}
