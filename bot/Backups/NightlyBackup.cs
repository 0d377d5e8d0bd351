using System.Globalization;
using ChatReport.Bot.Scheduling;
using ChatReport.Bot.Storage.Connections;
using Microsoft.Extensions.Options;

namespace ChatReport.Bot.Backups;

/// <summary>
/// The nightly backup, run by <see cref="ClockedJobScheduler"/>. Each scheduled slot is claimed by
/// moving one <c>settings</c> value forward, so of several instances on one database only one
/// copies it; a slot missed while the bot was down is made up at the next start. After each copy
/// the oldest nightly copies beyond <see cref="BackupOptions.Keep"/> are deleted.
/// </summary>
public sealed class NightlyBackup(
    DatabaseBackup backup,
    SettingsStore settings,
    IOptions<BackupOptions> options,
    TimeProvider time,
    ILogger<NightlyBackup> logger) : IClockedJob
{
    private const string SlotKey = "backup.nightly.slot";

    private CronSchedule Schedule => CronSchedule.Parse(options.Value.Schedule, options.Value.TimeZone);

    public string Name => "nightly backup";

    public bool Enabled => options.Value.Enabled;

    public async Task RunDueAsync(CancellationToken cancellationToken)
    {
        // PostgreSQL is backed up by its server's tools; README says so.
        if (!backup.IsAvailable || Schedule.Latest(time.GetUtcNow()) is not { } slot)
        {
            return;
        }

        var slotText = slot.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
        if (!await settings.TryAdvanceAsync(SlotKey, slotText, cancellationToken))
        {
            return;
        }

        var database = backup.DatabasePath;
        var folder = options.Value.DirectoryFor(database);
        var copy = await backup.BackUpAsync(Path.Combine(folder, BackupNames.Nightly(database, slot)), cancellationToken);
        logger.LogInformation(
            "Nightly backup {Backup}: schema version {Version}, {Entries} ledger entries, {Bytes} bytes, integrity check ok",
            copy.Path, copy.SchemaVersion, copy.LedgerEntries, copy.Bytes);

        foreach (var old in BackupNames.ListNightly(folder, database).Skip(options.Value.Keep))
        {
            File.Delete(old);
            logger.LogInformation("Deleted the old backup {Backup} (Backup:Keep is {Keep})", old, options.Value.Keep);
        }
    }

    public ValueTask<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Schedule.Next(time.GetUtcNow()));
}
