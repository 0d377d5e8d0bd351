using System.ComponentModel.DataAnnotations;

namespace ChatReport.Bot.Messaging;

/// <summary>Limits of <c>POST /api/messages</c> and of the de-duplication record.</summary>
public sealed record MessagingOptions
{
    public const string Section = "Messaging";

    /// <summary>
    /// Direct Line caps an activity at 256 K characters; a Teams message is about 28 KB. A body
    /// larger than this is refused with 413 before it is parsed.
    /// </summary>
    [Range(1024, 4 * 1024 * 1024)]
    public int MaxBodyBytes { get; init; } = 256 * 1024;

    /// <summary>
    /// How long a processed activity id is remembered. Channels redeliver within seconds or
    /// minutes (Teams after 15 s), so two days is generous and keeps the table small.
    /// </summary>
    [Range(typeof(TimeSpan), "00:10:00", "30.00:00:00")]
    public TimeSpan DeduplicationWindow { get; init; } = TimeSpan.FromDays(2);
}
