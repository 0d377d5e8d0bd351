using System.Globalization;
using ChatReport.Bot.Backups;
using ChatReport.Bot.Storage.Connections;
using ChatReport.Bot.Storage.Migrations;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ChatReport.Bot.PostgreSqlExport;

/// <summary>
/// Moves a SQLite database into an empty PostgreSQL database. The source is opened read-only and
/// read as one snapshot; the target is migrated by the bot's own migrator, then filled in one
/// transaction (all or nothing) with binary COPY, table after table in foreign-key order (the keys
/// themselves lifted meanwhile and put back, which checks them), and checked before the commit:
/// the same rows in every table, the same points for every member.
/// </summary>
public sealed class SqliteToPostgreSqlExport(TimeProvider time, ILoggerFactory loggers)
{
    /// <summary>
    /// Rows per COPY: a failed batch names rows near the fault, and what a trigger of the target
    /// queues for a statement's end (see <see cref="TargetForeignKey"/>) stays bounded.
    /// </summary>
    internal const int BatchRows = 20_000;

    private const int ExportCommandTimeoutSeconds = 3600;

    /// <summary>The migrator's own history: the target has its own, written by its migration.</summary>
    private const string MigrationHistory = "schema_migrations";

    private readonly ILogger _logger = loggers.CreateLogger<SqliteToPostgreSqlExport>();

    public async Task<ExportResult> ExportAsync(string from, string to, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var source = await CheckSourceAsync(from, cancellationToken);
        var target = ParseTarget(to);
        using var alone = TakeServingLock(source.Path);
        await using var sqlite = DatabaseBackup.OpenFile(source.Path, SqliteOpenMode.ReadOnly);
        await sqlite.OpenAsync(cancellationToken);
        // One snapshot of the source for the copy and for the checks.
        await using var snapshot = sqlite.BeginTransaction(deferred: true);

        await using var postgres = new PostgreSqlConnectionFactory(target.ToString());
        try
        {
            await using var connection = (NpgsqlConnection)await postgres.OpenAsync(cancellationToken);
            await new DatabaseMigrator(postgres, time, loggers.CreateLogger<DatabaseMigrator>()).MigrateAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            // A bot started on the target meanwhile waits for the commit, as it waits for any writer.
            await connection.ExecuteAsync(new CommandDefinition(
                $"SELECT pg_advisory_xact_lock({PostgreSqlConnectionFactory.WriteLockKey})", transaction: transaction, cancellationToken: cancellationToken));

            var tables = (await TargetTable.ReadInCopyOrderAsync(connection, transaction, cancellationToken))
                .Where(t => !string.Equals(t.Name, MigrationHistory, StringComparison.Ordinal))
                .ToList();
            await CheckSameTablesAsync(sqlite, snapshot, tables, cancellationToken);
            await CheckEmptyAsync(connection, transaction, tables, postgres.DataSource, cancellationToken);

            var foreignKeys = await TargetForeignKey.LiftAllAsync(connection, transaction, cancellationToken);
            var copied = new List<ExportedTable>();
            foreach (var table in tables)
            {
                copied.Add(await CopyAsync(sqlite, snapshot, connection, table, cancellationToken));
            }

            foreach (var key in foreignKeys)
            {
                await key.RestoreAsync(connection, transaction, cancellationToken);
            }

            await ResetIdentitiesAsync(connection, transaction, tables, cancellationToken);
            var ledger = await ExportVerification.CheckAsync(sqlite, snapshot, connection, transaction, tables, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            var elapsed = time.GetElapsedTime(started);
            _logger.LogInformation(
                "Exported {Source} to {Target}: {Rows} rows in {Seconds:0.0} s, ledger totals equal",
                source.Path, postgres.DataSource, copied.Sum(t => t.Rows), elapsed.TotalSeconds);
            return new ExportResult(source.Path, source.SchemaVersion, postgres.DataSource, copied, ledger, elapsed);
        }
        catch (DatabaseStartupException ex)
        {
            throw new ExportException($"The target cannot be prepared: {ex.Message}", ex);
        }
        catch (NpgsqlException ex)
        {
            throw new ExportException(
                $"PostgreSQL at {postgres.DataSource} refused or failed ({ex.Message.TrimEnd('.')}). Nothing was kept there. " +
                "Check the connection string (--to), that the server runs, that the database exists (createdb) and that the role may create tables in it.",
                ex);
        }
    }

    /// <summary>The file must be a sound ChatReport database at exactly this build's schema version: the copy maps this version's tables.</summary>
    private static async Task<BackupResult> CheckSourceAsync(string from, CancellationToken cancellationToken)
    {
        BackupResult source;
        try
        {
            source = await DatabaseBackup.CheckAsync(from, cancellationToken);
        }
        catch (BackupException ex)
        {
            throw new ExportException(ex.Message, ex);
        }

        var latest = DatabaseMigrator.LatestVersion;
        if (source.SchemaVersion < latest)
        {
            throw new ExportException(
                $"'{source.Path}' has schema version {source.SchemaVersion}; this build exports version {latest}. " +
                "Start this version of the bot on it once (Storage:Provider=Sqlite, with it as ConnectionStrings:ChatReport) so it applies the newer steps (it backs the file up first), stop it, then export. The file was not changed.");
        }

        if (source.SchemaVersion > latest)
        {
            throw new ExportException(
                $"'{source.Path}' has schema version {source.SchemaVersion}, written by a newer ChatReport; this build knows versions up to {latest}. Export it with the newer version.");
        }

        return source;
    }

    private static NpgsqlConnectionStringBuilder ParseTarget(string to)
    {
        try
        {
            var target = new NpgsqlConnectionStringBuilder(to);
            // Counting, summing and re-checking the keys of a city's ledger take longer than Npgsql's 30 seconds; an hour still ends.
            target.CommandTimeout = Math.Max(target.CommandTimeout, ExportCommandTimeoutSeconds);
            return string.IsNullOrWhiteSpace(target.Host) || string.IsNullOrWhiteSpace(target.Database)
                ? throw new ExportException("The PostgreSQL connection string must name Host and Database (Host=…;Database=…;Username=…;Password=…).")
                : target;
        }
        catch (ArgumentException ex)
        {
            throw new ExportException($"The PostgreSQL connection string cannot be read ({ex.Message.TrimEnd('.')}); write it as Host=…;Database=…;Username=…;Password=….", ex);
        }
    }

    /// <summary>
    /// A bot serving the file would go on writing what the export no longer sees; a bot starting on
    /// it during the export is kept out. A folder where the lock cannot be made (read-only media)
    /// is one no bot serves from.
    /// </summary>
    private static ServingLock? TakeServingLock(string path)
    {
        try
        {
            return ServingLock.TryTake(path, alone: true)
                ?? throw new ExportException($"A bot is serving '{path}'. Stop it first (systemctl stop chatreport), then export.");
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static async Task CheckSameTablesAsync(SqliteConnection sqlite, SqliteTransaction snapshot, IReadOnlyList<TargetTable> tables, CancellationToken cancellationToken)
    {
        var sourceTables = (await sqlite.QueryAsync<string>(new CommandDefinition(
                "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name <> @MigrationHistory",
                new { MigrationHistory },
                snapshot,
                cancellationToken: cancellationToken)))
            .ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();
        problems.AddRange(sourceTables.Except(tables.Select(t => t.Name), StringComparer.Ordinal).Select(t => $"{t} has no PostgreSQL table"));
        foreach (var table in tables)
        {
            if (!sourceTables.Contains(table.Name))
            {
                problems.Add($"{table.Name} has no SQLite table");
                continue;
            }

            var sourceColumns = (await sqlite.QueryAsync<string>(new CommandDefinition(
                "SELECT name FROM pragma_table_info(@Name)", new { table.Name }, snapshot, cancellationToken: cancellationToken))).ToList();
            var targetColumns = table.Columns.Select(c => c.Name).ToList();
            if (!sourceColumns.Order(StringComparer.Ordinal).SequenceEqual(targetColumns.Order(StringComparer.Ordinal), StringComparer.Ordinal))
            {
                problems.Add($"{table.Name} has columns ({string.Join(", ", sourceColumns)}) in SQLite but ({string.Join(", ", targetColumns)}) in PostgreSQL");
            }

            if (table.Columns.FirstOrDefault(c => !TargetTable.KnownTypes.Contains(c.Type)) is { } unknown)
            {
                problems.Add($"{table.Name}.{unknown.Name} is of type {unknown.Type}, which the export does not convert");
            }
        }

        if (problems.Count > 0)
        {
            throw new ExportException($"The two schemas of this build do not match, so nothing was copied: {string.Join("; ", problems)}.");
        }
    }

    /// <summary>Two databases are never mixed: every table of the target must be empty (a bot started on it once already wrote its first rows).</summary>
    private static async Task CheckEmptyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<TargetTable> tables, string dataSource, CancellationToken cancellationToken)
    {
        var filled = new List<string>();
        foreach (var table in tables)
        {
            var rows = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                $"SELECT count(*) FROM {table.Quoted}", transaction: transaction, cancellationToken: cancellationToken));
            if (rows > 0)
            {
                filled.Add(string.Create(CultureInfo.InvariantCulture, $"{table.Name} {rows}"));
            }
        }

        if (filled.Count > 0)
        {
            throw new ExportException(
                $"The PostgreSQL database {dataSource} is not empty ({string.Join(", ", filled.Take(6))}{(filled.Count > 6 ? ", …" : string.Empty)} rows), so nothing was copied: " +
                "an export never mixes two databases. Export into a new database (sudo -u postgres createdb --owner chatreport chatreport_new), " +
                "or drop this one first if nothing in it is needed (a bot started on it once writes rules, a cycle and settings).");
        }
    }

    private async Task<ExportedTable> CopyAsync(SqliteConnection sqlite, SqliteTransaction snapshot, NpgsqlConnection connection, TargetTable table, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        // Row order: a rowid table in rowid order (the ledger's reversals after what they reverse); WITHOUT ROWID tables are read in key order anyway.
        var hasRowId = await sqlite.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT wr FROM pragma_table_list WHERE schema = 'main' AND name = @Name", new { table.Name }, snapshot, cancellationToken: cancellationToken)) == 0;
        await using var select = sqlite.CreateCommand();
        select.Transaction = snapshot;
        select.CommandText = $"SELECT {table.ColumnList} FROM {table.Quoted}{(hasRowId ? " ORDER BY rowid" : string.Empty)}";
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        var copy = $"COPY {table.Quoted} ({table.ColumnList}) FROM STDIN (FORMAT BINARY)";
        var rows = 0L;
        NpgsqlBinaryImporter? importer = null;
        try
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                importer ??= await connection.BeginBinaryImportAsync(copy, cancellationToken);
                await importer.StartRowAsync(cancellationToken);
                for (var i = 0; i < table.Columns.Count; i++)
                {
                    var column = table.Columns[i];
                    var value = reader.GetValue(i);
                    try
                    {
                        await column.WriteAsync(importer, value, cancellationToken);
                    }
                    catch (Exception ex) when (ex is FormatException or InvalidCastException or OverflowException)
                    {
                        throw new ExportException(string.Create(
                            CultureInfo.InvariantCulture,
                            $"{table.Name}.{column.Name} in row {rows + 1} holds '{value}', which is not a PostgreSQL {column.Type}; nothing was kept."), ex);
                    }
                }

                if (++rows % BatchRows == 0)
                {
                    await importer.CompleteAsync(cancellationToken);
                    await importer.DisposeAsync();
                    importer = null;
                }
            }

            if (importer is not null)
            {
                await importer.CompleteAsync(cancellationToken);
            }
        }
        catch (PostgresException ex)
        {
            throw new ExportException($"PostgreSQL refused a row of {table.Name} ({ex.MessageText}{(ex.Detail is { } detail ? ": " + detail : string.Empty)}); nothing was kept.", ex);
        }
        finally
        {
            // Disposed without completing, a COPY is cancelled; the transaction then rolls back.
            if (importer is not null)
            {
                await importer.DisposeAsync();
            }
        }

        var elapsed = time.GetElapsedTime(started);
        _logger.LogInformation("Copied {Rows} rows of {Table} in {Seconds:0.00} s", rows, table.Name, elapsed.TotalSeconds);
        return new ExportedTable(table.Name, rows, elapsed);
    }

    /// <summary>The ids came from SQLite; the next id PostgreSQL hands out must come after the last of them.</summary>
    private static async Task ResetIdentitiesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<TargetTable> tables, CancellationToken cancellationToken)
    {
        foreach (var (table, column) in tables.SelectMany(t => t.Columns.Where(c => c.IsIdentity).Select(c => (t, c))))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                $"SELECT setval(pg_get_serial_sequence(@Table, @Column), coalesce((SELECT max({TargetTable.Quote(column.Name)}) FROM {table.Quoted}), 0) + 1, false)",
                new { Table = table.Quoted, Column = column.Name },
                transaction,
                cancellationToken: cancellationToken));
        }
    }
}
