using ChatReport.Bot.Storage.Connections;
using ChatReport.Bot.Storage.Migrations;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace ChatReport.Bot.Backups;

/// <summary>
/// Puts a backup in the live database's place while no bot serves it. The backup is checked
/// first; the current database is saved (copied beside the backups, or moved aside when it cannot
/// be read) before anything is replaced; the new file gets the live name by one rename.
/// </summary>
public sealed class DatabaseRestore(
    DbConnectionFactory connections,
    DatabaseBackup backup,
    IOptions<BackupOptions> options,
    TimeProvider time,
    ILogger<DatabaseRestore> logger)
{
    public async Task<RestoreResult> RestoreAsync(string from, CancellationToken cancellationToken)
    {
        if (!backup.IsAvailable)
        {
            throw new BackupException(DatabaseBackup.NotOnPostgreSql);
        }

        var source = await DatabaseBackup.CheckAsync(from, cancellationToken);
        if (source.SchemaVersion > DatabaseMigrator.LatestVersion)
        {
            throw new BackupException(
                $"'{source.Path}' has schema version {source.SchemaVersion}, written by a newer ChatReport; this build knows versions up to {DatabaseMigrator.LatestVersion}.");
        }

        var database = backup.DatabasePath;
        if (string.Equals(source.Path, database, StringComparison.Ordinal))
        {
            throw new BackupException($"'{source.Path}' is the live database itself.");
        }

        using var alone = ServingLock.TryTake(database, alone: true)
            ?? throw new BackupException($"A bot is serving '{database}'. Stop it first (systemctl stop chatreport), then restore.");

        var saved = File.Exists(database) ? await SaveCurrentAsync(database, cancellationToken) : null;
        var incoming = database + ".restoring";
        File.Delete(incoming);
        await using (var reader = DatabaseBackup.OpenFile(source.Path, SqliteOpenMode.ReadOnly))
        {
            await reader.OpenAsync(cancellationToken);
            await DatabaseBackup.CopyAsync(reader, incoming, cancellationToken);
        }

        // The old write-ahead log must not meet the new file: SQLite would replay it onto it.
        File.Delete(database + "-wal");
        File.Delete(database + "-shm");
        File.Move(incoming, database, overwrite: true);
        logger.LogWarning(
            "Restored {Database} from {Backup} (schema version {Version}, {Entries} ledger entries); the previous database is at {Saved}",
            database, source.Path, source.SchemaVersion, source.LedgerEntries, saved ?? "(there was none)");
        return new RestoreResult(source, saved);
    }

    private async Task<string> SaveCurrentAsync(string database, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        try
        {
            var copy = await backup.BackUpAsync(Path.Combine(options.Value.DirectoryFor(database), BackupNames.BeforeRestore(database, now)), cancellationToken);
            // Fold the log into the file and close every pooled handle before the file is replaced.
            await using var connection = await ((SqliteConnectionFactory)connections).OpenSqliteAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition("PRAGMA wal_checkpoint(TRUNCATE)", cancellationToken: cancellationToken));
            SqliteConnection.ClearPool(connection);
            return copy.Path;
        }
        catch (Exception ex) when (ex is BackupException or SqliteException)
        {
            // Unreadable (the usual reason to restore): keep the file and its log together, aside.
            SqliteConnection.ClearAllPools();
            var aside = $"{database}.broken-{now.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}";
            foreach (var suffix in new[] { "-wal", "-shm", string.Empty })
            {
                if (File.Exists(database + suffix))
                {
                    File.Move(database + suffix, aside + suffix);
                }
            }

            logger.LogWarning("The current database could not be copied ({Reason}); moved it to {Aside}", ex.Message, aside);
            return aside;
        }
    }
}
