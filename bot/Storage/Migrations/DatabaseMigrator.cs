using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using ChatReport.Bot.Storage.Connections;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ChatReport.Bot.Storage.Migrations;

/// <summary>
/// Brings the database up to the schema this build knows. SQLite keeps the version in
/// <c>PRAGMA user_version</c>; PostgreSQL in <c>schema_migrations</c>. Each step and its version
/// commit together, so a crash leaves the database at a whole step; on PostgreSQL an advisory
/// lock makes instances that start together apply each step once.
/// </summary>
public sealed partial class DatabaseMigrator(DbConnectionFactory connections, TimeProvider time, ILogger<DatabaseMigrator> logger)
{
    /// <summary>The session-level advisory lock held while PostgreSQL is migrated.</summary>
    internal const long PostgreSqlMigrationLockKey = 0x43_68_61_74_52_65_70_02;

    private const int SqliteNotADatabase = 26;
    private const int SqliteCorrupt = 11;
    private const int SqliteCantOpen = 14;
    private const int SqliteReadOnly = 8;
    private const int SqlitePermission = 3;

    private const string CreateHistory = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version     INTEGER PRIMARY KEY,
            name        TEXT NOT NULL,
            applied_at  TEXT NOT NULL
        )
        """;

    private const string CreatePostgreSqlHistory = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version     integer PRIMARY KEY,
            name        text NOT NULL,
            applied_at  timestamptz NOT NULL
        )
        """;

    private const string RecordStep = """
        INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, @AppliedAt)
        """;

    private static readonly (IReadOnlyList<Migration> Sqlite, IReadOnlyList<Migration> PostgreSql) Steps = LoadEmbedded();

    /// <summary>The SQLite steps (<c>Migrations/*.sql</c>).</summary>
    public static IReadOnlyList<Migration> Embedded => Steps.Sqlite;

    /// <summary>The PostgreSQL steps (<c>Migrations/PostgreSql/*.sql</c>), numbered like SQLite's.</summary>
    public static IReadOnlyList<Migration> EmbeddedPostgreSql => Steps.PostgreSql;

    public static int LatestVersion => Embedded[^1].Version;

    /// <summary>The steps of the given engine.</summary>
    public static IReadOnlyList<Migration> For(StorageProvider provider) =>
        provider == StorageProvider.PostgreSql ? EmbeddedPostgreSql : Embedded;

    /// <summary>Applies what is missing and returns the schema version the database now has.</summary>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await MigrateCoreAsync(For(connections.Provider), cancellationToken);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is SqliteNotADatabase or SqliteCorrupt)
        {
            throw new DatabaseStartupException(
                $"The file '{connections.DataSource}' is not a usable SQLite database ({ex.Message.TrimEnd('.')}). " +
                "Restore it from a backup, or move it aside to start with an empty one.", ex);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is SqliteCantOpen or SqliteReadOnly or SqlitePermission)
        {
            throw new DatabaseStartupException(
                $"The database '{connections.DataSource}' cannot be opened for writing ({ex.Message.TrimEnd('.')}). " +
                "Check that the folder exists and that this user may write to it.", ex);
        }
        catch (NpgsqlException ex)
        {
            throw new DatabaseStartupException(
                $"The PostgreSQL database '{connections.DataSource}' cannot be used ({ex.Message.TrimEnd('.')}). " +
                "Check ConnectionStrings:ChatReport, that the server runs, and that the role may create tables in the database.", ex);
        }
    }

    internal Task<int> MigrateCoreAsync(IReadOnlyList<Migration> migrations, CancellationToken cancellationToken) =>
        connections.Provider == StorageProvider.PostgreSql
            ? MigratePostgreSqlAsync(migrations, cancellationToken)
            : MigrateSqliteAsync(migrations, cancellationToken);

    private async Task<int> MigrateSqliteAsync(IReadOnlyList<Migration> migrations, CancellationToken cancellationToken)
    {
        var latest = migrations[^1].Version;
        await using var connection = await connections.OpenAsync(cancellationToken);

        var current = await ReadSqliteVersionAsync(connection, cancellationToken);
        ThrowIfNewer(current, latest);

        // WAL lets readers go on while a turn writes; the setting persists in the file.
        await connection.ExecuteAsync(new CommandDefinition("PRAGMA journal_mode=WAL", cancellationToken: cancellationToken));

        foreach (var step in migrations.Where(m => m.Version > current))
        {
            await ApplySqliteAsync(connection, step, cancellationToken);
        }

        return await ReadSqliteVersionAsync(connection, cancellationToken);
    }

    private async Task ApplySqliteAsync(DbConnection connection, Migration step, CancellationToken cancellationToken)
    {
        // Foreign keys must be off while tables are rebuilt; the pragma is ignored inside a transaction.
        await connection.ExecuteAsync(new CommandDefinition("PRAGMA foreign_keys=OFF", cancellationToken: cancellationToken));
        try
        {
            // Non-deferred (BEGIN IMMEDIATE): take the write lock before reading the version.
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            // Another instance may have migrated while we waited for the write lock.
            if (await ReadSqliteVersionAsync(connection, cancellationToken, transaction) >= step.Version)
            {
                return;
            }

            await connection.ExecuteAsync(new CommandDefinition(step.Sql, transaction: transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(CreateHistory, transaction: transaction, cancellationToken: cancellationToken));
            await RecordAsync(connection, transaction, step, cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(
                string.Create(CultureInfo.InvariantCulture, $"PRAGMA user_version = {step.Version}"),
                transaction: transaction,
                cancellationToken: cancellationToken));

            var violations = (await connection.QueryAsync<string>(new CommandDefinition(
                "SELECT \"table\" FROM pragma_foreign_key_check", transaction: transaction, cancellationToken: cancellationToken))).ToList();
            if (violations.Count > 0)
            {
                throw new DatabaseStartupException(
                    $"Schema step {step.Version} ({step.Name}) would leave broken references in: {string.Join(", ", violations.Distinct())}. Nothing was changed.");
            }

            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Applied schema step {Version} ({Name})", step.Version, step.Name);
        }
        finally
        {
            await connection.ExecuteAsync(new CommandDefinition("PRAGMA foreign_keys=ON", cancellationToken: cancellationToken));
        }
    }

    /// <summary>
    /// Under a session advisory lock: an instance that starts while another migrates waits, then
    /// finds the steps applied and skips them. Each step runs with its version row in one
    /// transaction (PostgreSQL's DDL is transactional), so a failed step leaves nothing behind.
    /// </summary>
    private async Task<int> MigratePostgreSqlAsync(IReadOnlyList<Migration> migrations, CancellationToken cancellationToken)
    {
        var latest = migrations[^1].Version;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition($"SELECT pg_advisory_lock({PostgreSqlMigrationLockKey})", cancellationToken: cancellationToken));
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(CreatePostgreSqlHistory, cancellationToken: cancellationToken));
            var current = await ReadPostgreSqlVersionAsync(connection, null, cancellationToken);
            ThrowIfNewer(current, latest);
            foreach (var step in migrations.Where(m => m.Version > current))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await connection.ExecuteAsync(new CommandDefinition(step.Sql, transaction: transaction, cancellationToken: cancellationToken));
                await RecordAsync(connection, transaction, step, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                logger.LogInformation("Applied schema step {Version} ({Name})", step.Version, step.Name);
            }

            return await ReadPostgreSqlVersionAsync(connection, null, cancellationToken);
        }
        finally
        {
            await connection.ExecuteAsync(new CommandDefinition($"SELECT pg_advisory_unlock({PostgreSqlMigrationLockKey})", cancellationToken: CancellationToken.None));
        }
    }

    private void ThrowIfNewer(int current, int latest)
    {
        if (current > latest)
        {
            throw new DatabaseStartupException(
                $"The database '{connections.DataSource}' has schema version {current}, written by a newer ChatReport; " +
                $"this build knows versions up to {latest}. Run the newer version, or restore a backup made for version {latest}.");
        }
    }

    private Task<int> RecordAsync(DbConnection connection, DbTransaction transaction, Migration step, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            RecordStep,
            new { step.Version, step.Name, AppliedAt = time.GetUtcNow() },
            transaction,
            cancellationToken: cancellationToken));

    private static Task<int> ReadSqliteVersionAsync(DbConnection connection, CancellationToken cancellationToken, DbTransaction? transaction = null) =>
        connection.ExecuteScalarAsync<int>(new CommandDefinition("PRAGMA user_version", transaction: transaction, cancellationToken: cancellationToken));

    private static Task<int> ReadPostgreSqlVersionAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT coalesce(max(version), 0) FROM schema_migrations", transaction: transaction, cancellationToken: cancellationToken));

    private static (IReadOnlyList<Migration> Sqlite, IReadOnlyList<Migration> PostgreSql) LoadEmbedded()
    {
        var sqlite = Load(SqliteStepName());
        var postgreSql = Load(PostgreSqlStepName());
        if (postgreSql.Count != sqlite.Count)
        {
            throw new InvalidOperationException(
                $"Every schema step is written for both engines: SQLite has {sqlite.Count} steps, PostgreSQL {postgreSql.Count}. Add the missing Migrations/PostgreSql step with the same number.");
        }

        return (sqlite, postgreSql);
    }

    private static List<Migration> Load(Regex stepName)
    {
        var assembly = typeof(DatabaseMigrator).Assembly;
        var steps = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var match = stepName.Match(resource);
            if (!match.Success)
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            steps.Add(new Migration(
                int.Parse(match.Groups["version"].Value, CultureInfo.InvariantCulture),
                match.Groups["name"].Value,
                reader.ReadToEnd()));
        }

        steps.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < steps.Count; i++)
        {
            if (steps[i].Version != i + 1)
            {
                throw new InvalidOperationException($"Schema steps must be numbered 1, 2, 3… without gaps; found {steps[i].Version} at position {i + 1}.");
            }
        }

        return steps;
    }

    [GeneratedRegex(@"\.Migrations\.(?<version>\d{4})_(?<name>[a-z0-9_]+)\.sql$")]
    private static partial Regex SqliteStepName();

    [GeneratedRegex(@"\.Migrations\.PostgreSql\.(?<version>\d{4})_(?<name>[a-z0-9_]+)\.sql$")]
    private static partial Regex PostgreSqlStepName();
}
