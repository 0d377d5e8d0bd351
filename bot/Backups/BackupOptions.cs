using System.ComponentModel.DataAnnotations;
using ChatReport.Bot.Scheduling;
using ChatReport.Conversation.Domain;

namespace ChatReport.Bot.Backups;

/// <summary>Nightly copies of the database and the copy taken before a newer version migrates it.</summary>
public sealed record BackupOptions : IValidatableObject
{
    public const string Section = "Backup";

    /// <summary>False stops the nightly backups (the backup before an upgrade is <see cref="BeforeUpgrade"/>).</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Where backups are written; empty means a <c>backups</c> folder beside the database file.</summary>
    public string? Directory { get; init; }

    /// <summary>When the nightly backup runs, as a five-field cron expression in <see cref="TimeZone"/>: 03:30, when nobody reports deeds.</summary>
    public string Schedule { get; init; } = "30 3 * * *";

    /// <summary>The wall clock <see cref="Schedule"/> is read in.</summary>
    public string TimeZone { get; init; } = LocalCalendar.DefaultTimeZone;

    /// <summary>How many nightly backups are kept; older ones are deleted after each new one.</summary>
    [Range(1, 3650)]
    public int Keep { get; init; } = 14;

    /// <summary>Copy the database before a newer ChatReport applies its schema steps to it.</summary>
    public bool BeforeUpgrade { get; init; } = true;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!CronSchedule.TryParse(Schedule, TimeZone, out _, out var error))
        {
            yield return new ValidationResult($"Backup settings: {error}", [nameof(Schedule), nameof(TimeZone)]);
        }
    }

    /// <summary>The backup folder for the database at <paramref name="databasePath"/>.</summary>
    public string DirectoryFor(string databasePath) =>
        Path.GetFullPath(string.IsNullOrWhiteSpace(Directory)
            ? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(databasePath))!, "backups")
            : Directory.Trim());
}
