using ChatReport.Bot.Cli;
using ChatReport.Bot.Scheduling;
using ChatReport.Bot.Storage.Migrations;

namespace ChatReport.Bot.Backups;

public static class BackupExtensions
{
    /// <summary>
    /// Backups: the <c>backup</c> and <c>restore</c> commands, the nightly backup (a job of the
    /// digest scheduler) and the copy taken before a newer version migrates the database.
    /// </summary>
    public static IHostApplicationBuilder AddChatReportBackups(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<BackupOptions>()
            .BindConfiguration(BackupOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<DatabaseBackup>();
        builder.Services.AddSingleton<DatabaseRestore>();
        builder.Services.AddSingleton<IBeforeMigration, UpgradeBackup>();
        builder.Services.AddClockedJob<NightlyBackup>();
        builder.Services.AddSingleton<ICliCommand, BackupCliCommand>();
        builder.Services.AddSingleton<ICliCommand, RestoreCliCommand>();
        return builder;
    }
}
