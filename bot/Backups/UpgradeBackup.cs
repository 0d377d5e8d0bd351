using ChatReport.Bot.Storage.Connections;
using ChatReport.Bot.Storage.Migrations;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace ChatReport.Bot.Backups;

/// <summary>
/// Copies the database before a newer ChatReport migrates it, so that rolling back to the older
/// version is a restore of that copy. Only an existing file at a lower, non-zero schema version
/// is copied; a failed copy stops the start rather than migrate without one.
/// </summary>
public sealed class UpgradeBackup(
    DbConnectionFactory connections,
    DatabaseBackup backup,
    IOptions<BackupOptions> options,
    TimeProvider time,
    ILogger<UpgradeBackup> logger) : IBeforeMigration
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (!backup.IsAvailable)
        {
            return;
        }

        var database = backup.DatabasePath;
        if (!options.Value.BeforeUpgrade || !File.Exists(database))
        {
            return;
        }

        int version;
        try
        {
            await using var connection = await connections.OpenAsync(cancellationToken);
            version = await connection.ExecuteScalarAsync<int>(new CommandDefinition("PRAGMA user_version", cancellationToken: cancellationToken));
        }
        catch (SqliteException)
        {
            // An unreadable file is the migrator's to report, in its own words.
            return;
        }

        var latest = DatabaseMigrator.LatestVersion;
        if (version == 0 || version >= latest)
        {
            return;
        }

        var name = BackupNames.BeforeUpgrade(database, version, latest, time.GetUtcNow());
        try
        {
            var copy = await backup.BackUpAsync(Path.Combine(options.Value.DirectoryFor(database), name), cancellationToken);
            logger.LogWarning(
                "Upgrading the database from schema version {From} to {To}: backed it up first to {Backup}; to roll back, stop this version, restore that file and start the older one",
                version, latest, copy.Path);
        }
        catch (Exception ex) when (ex is BackupException or SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new DatabaseStartupException(
                $"The database is at schema version {version} and this version would migrate it to {latest}, but the backup before that failed: {ex.Message} " +
                "Free space or fix Backup:Directory, or set Backup:BeforeUpgrade=false to migrate without a copy.", ex);
        }
    }
}
