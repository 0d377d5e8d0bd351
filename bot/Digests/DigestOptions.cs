using System.ComponentModel.DataAnnotations;
using ChatReport.Bot.Scheduling;
using ChatReport.Conversation.Domain;

namespace ChatReport.Bot.Digests;

/// <summary>
/// The daily digest to group chats. Schedule, time zone, empty days and deductions can be
/// overridden per branch (<c>digest_settings</c>); the rest is installation-wide.
/// </summary>
public sealed record DigestOptions : IValidatableObject
{
    public const string Section = "Digest";

    /// <summary>False stops the background scheduler (digests, quarterly notices, cycle rollover while running).</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>When digests go out, as a five-field cron expression in <see cref="TimeZone"/>: 20:00 every day.</summary>
    public string Schedule { get; init; } = "0 20 * * *";

    /// <summary>
    /// The wall clock <see cref="Schedule"/> is read in. A branch's own <c>org_units.time_zone</c>
    /// does not move its digest: Party organisations across China keep Beijing time, so a branch
    /// that wants another clock (abroad, or a local custom) gets its own digest setting.
    /// </summary>
    public string TimeZone { get; init; } = LocalCalendar.DefaultTimeZone;

    /// <summary>Days with no deeds approved (and no published deductions) send nothing.</summary>
    public bool SkipEmptyDays { get; init; } = true;

    /// <summary>
    /// Whether deductions appear in the group digest. Off by default: deductions come from
    /// residents' complaints and are made public on the quarterly notice after the secretary has
    /// checked them, not named in the group chat the evening they are recorded.
    /// </summary>
    public bool PublishDeductions { get; init; }

    /// <summary>How long a claimed run belongs to the instance that claimed it; after that another instance (or a restart) takes it over.</summary>
    [Range(typeof(TimeSpan), "00:00:30", "01:00:00")]
    public TimeSpan ClaimLease { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>A digest sent later than this after its scheduled time is marked 补发 (sent late).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan LateAfter { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// How long after the scheduled instant the digest is computed, so that an approval recorded
    /// just before it has committed by then and is not missed by both this digest and the next.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan SettleTime { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest the scheduler sleeps: it also picks up abandoned claims and changed settings.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Attempts per digest before it is recorded as failed (transient errors only).</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; init; } = 4;

    /// <summary>The first retry waits this long; each next one twice as long, with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Proactive sends per second per channel and tenant, for this instance. Teams allows a bot
    /// 30 (newer documents: 50) per tenant in all; 20 leaves room for replies to people.
    /// </summary>
    [Range(1, 1000)]
    public int SendsPerSecond { get; init; } = 20;

    /// <summary>Sends in flight at once; enough to keep <see cref="SendsPerSecond"/> busy over a slow Connector.</summary>
    [Range(1, 64)]
    public int MaxConcurrentSends { get; init; } = 8;

    /// <summary>The most days one digest looks back after downtime; older approvals stay in the ledger and on the notice.</summary>
    [Range(1, 31)]
    public int MaxWindowDays { get; init; } = 7;

    /// <summary>The most deeds (and deductions) one digest lists; the rest are counted.</summary>
    [Range(1, 100)]
    public int MaxItems { get; init; } = 15;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!CronSchedule.TryParse(Schedule, TimeZone, out _, out var error))
        {
            yield return new ValidationResult($"Digest settings: {error}", [nameof(Schedule), nameof(TimeZone)]);
        }
    }
}
