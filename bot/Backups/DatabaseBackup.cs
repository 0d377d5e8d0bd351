using ChatReport.Bot.Storage.Connections;
using Dapper;
using Microsoft.Data.Sqlite;

namespace ChatReport.Bot.Backups;

/// <summary>
/// Copies the live database with SQLite's online backup API and checks the copy before it gets
/// its final name. The backup API (rather than <c>VACUUM INTO</c>) copies the pages as they are,
/// in one step under one read transaction: the copy is the database as of one commit, writers go
/// on meanwhile (WAL), and no indexes are rebuilt, which keeps a nightly copy of a city's ledger
/// cheap. The copy is switched to a rollback journal so it is one self-contained file.
/// </summary>
public sealed class DatabaseBackup(DbConnectionFactory connections)
{
    /// <summary>
    /// False on PostgreSQL: backups, restores and the copies before an upgrade are SQLite's
    /// (its online backup API and a file to rename); a PostgreSQL server is backed up with its own
    /// tools (pg_dump, base backups).
    /// </summary>
    public bool IsAvailable => connections is SqliteConnectionFactory;

    /// <summary>The live database file (SQLite only).</summary>
    public string DatabasePath => connections is SqliteConnectionFactory
        ? Path.GetFullPath(connections.DataSource)
        : throw new BackupException(NotOnPostgreSql);

    internal static string NotOnPostgreSql =>
        "Backups and restores by the bot are SQLite-only; this bot runs on PostgreSQL (Storage:Provider). Use pg_dump or the server's own backups instead.";

    /// <summary>Copies the live database to <paramref name="destination"/>, which must not exist yet.</summary>
    public async Task<BackupResult> BackUpAsync(string destination, CancellationToken cancellationToken)
    {
        if (!File.Exists(DatabasePath))
        {
            throw new BackupException($"There is no database at '{DatabasePath}' to back up.");
        }

        await using var source = await ((SqliteConnectionFactory)connections).OpenSqliteAsync(cancellationToken);
        return await CopyAsync(source, destination, cancellationToken);
    }

    /// <summary>Copies the database open on <paramref name="source"/> to a temporary name, checks it, then renames it.</summary>
    internal static async Task<BackupResult> CopyAsync(SqliteConnection source, string destination, CancellationToken cancellationToken)
    {
        var target = Path.GetFullPath(destination);
        if (File.Exists(target))
        {
            throw new BackupException($"'{target}' exists already; choose another name.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        // A crash half-way leaves a *.partial file, never a file with a backup's name that is not one.
        var partial = $"{target}.{Guid.NewGuid():N}.partial";
        try
        {
            await using (var copy = OpenFile(partial, SqliteOpenMode.ReadWriteCreate))
            {
                await copy.OpenAsync(cancellationToken);
                source.BackupDatabase(copy);
                await copy.ExecuteAsync(new CommandDefinition("PRAGMA journal_mode=DELETE", cancellationToken: cancellationToken));
            }

            var result = await CheckAsync(partial, cancellationToken);
            File.Move(partial, target, overwrite: false);
            return result with { Path = target };
        }
        catch (SqliteException ex)
        {
            throw new BackupException($"The copy to '{target}' failed ({ex.Message.TrimEnd('.')}).", ex);
        }
        catch (IOException ex)
        {
            throw new BackupException($"The copy to '{target}' failed ({ex.Message.TrimEnd('.')}).", ex);
        }
        finally
        {
            File.Delete(partial);
            File.Delete(partial + "-journal");
        }
    }

    /// <summary>
    /// Refuses a file that fails <c>PRAGMA integrity_check</c> or is not a ChatReport database;
    /// returns its schema version and how many ledger entries it holds.
    /// </summary>
    public static async Task<BackupResult> CheckAsync(string path, CancellationToken cancellationToken)
    {
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new BackupException($"There is no file '{fullPath}'.");
        }

        try
        {
            await using var connection = OpenFile(fullPath, SqliteOpenMode.ReadOnly);
            await connection.OpenAsync(cancellationToken);
            var problems = (await connection.QueryAsync<string>(new CommandDefinition("PRAGMA integrity_check", cancellationToken: cancellationToken))).ToList();
            if (problems is not ["ok"])
            {
                throw new BackupException($"'{fullPath}' fails the integrity check: {string.Join("; ", problems.Take(3))}");
            }

            var version = await connection.ExecuteScalarAsync<int>(new CommandDefinition("PRAGMA user_version", cancellationToken: cancellationToken));
            var hasLedger = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'ledger_entries'", cancellationToken: cancellationToken)) == 1;
            if (version == 0 || !hasLedger)
            {
                throw new BackupException($"'{fullPath}' is an SQLite file but not a ChatReport database.");
            }

            var entries = await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT count(*) FROM ledger_entries", cancellationToken: cancellationToken));
            return new BackupResult(fullPath, version, new FileInfo(fullPath).Length, entries);
        }
        catch (SqliteException ex)
        {
            throw new BackupException($"'{fullPath}' cannot be read as an SQLite database ({ex.Message.TrimEnd('.')}).", ex);
        }
    }

    /// <summary>A connection of its own to a file other than the live database; unpooled, so the file is closed when it is disposed.</summary>
    internal static SqliteConnection OpenFile(string path, SqliteOpenMode mode) =>
        new(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString());
}
