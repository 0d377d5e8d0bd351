using ChatReport.Dialogs.Localization;

namespace ChatReport.Dialogs.Runtime;

/// <summary>How the <see cref="DialogRunner"/> keeps conversations.</summary>
public sealed record DialogRunnerOptions
{
    /// <summary>
    /// The version stored with every stack; a stack stored under another version is restarted
    /// politely. Null (the default) derives it from the dialogs themselves (ids, waterfall steps,
    /// state shapes), so a deploy that changes them changes it.
    /// </summary>
    public string? DialogSetVersion { get; init; }

    /// <summary>A waiting stack untouched for this long is dropped (the user is told) on the next message. One hour by default.</summary>
    public TimeSpan ExpireAfter { get; init; } = TimeSpan.FromHours(1);

    /// <summary>The time zone of users whose activities do not say theirs.</summary>
    public string DefaultTimeZoneId { get; init; } = UserLocale.DefaultTimeZoneId;
}
