using System.ComponentModel.DataAnnotations;

namespace ChatReport.Bot.Notifications;

/// <summary>Reminders about claims nobody has reviewed.</summary>
public sealed record ReviewOptions
{
    public const string Section = "Review";

    /// <summary>Claims pending longer than this are listed to the branch's reviewers (d.hh:mm:ss; 3 days by default).</summary>
    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00", ErrorMessage = "Review:ReminderAge must be between 1 hour and 365 days, like 3.00:00:00.")]
    public TimeSpan ReminderAge { get; init; } = TimeSpan.FromDays(3);

    /// <summary>How often reminders go out (once a day by default).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00", ErrorMessage = "Review:ReminderInterval must be between 1 minute and 30 days.")]
    public TimeSpan ReminderInterval { get; init; } = TimeSpan.FromDays(1);
}
