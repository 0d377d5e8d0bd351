using System.Globalization;
using System.Text.RegularExpressions;
using ChatReport.Bot.Storage.Connections;
using Dapper;
using Microsoft.Data.Sqlite;

namespace ChatReport.Bot.Storage.Migrations;

/// <summary>
/// Brings the file up to the schema this build knows, keyed on <c>PRAGMA user_version</c>.
/// Each step and its version bump commit together, so a crash leaves the file at a whole step.
/// </summary>
public sealed partial class DatabaseMigrator(SqliteConnectionFactory connections, TimeProvider time, ILogger<DatabaseMigrator> logger)
{
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

    private const string RecordStep = """
        INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, @AppliedAt)
        """;

    public static IReadOnlyList<Migration> Embedded { get; } = LoadEmbedded();

    public static int LatestVersion => Embedded[^1].Version;

    /// <summary>Applies what is missing and returns the schema version the file now has.</summary>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await MigrateCoreAsync(Embedded, cancellationToken);
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
    }

    internal async Task<int> MigrateCoreAsync(IReadOnlyList<Migration> migrations, CancellationToken cancellationToken)
    {
        var latest = migrations[^1].Version;
        await using var connection = await connections.OpenAsync(cancellationToken);

        var current = await ReadVersionAsync(connection, cancellationToken);
        if (current > latest)
        {
            throw new DatabaseStartupException(
                $"The database '{connections.DataSource}' has schema version {current}, written by a newer ChatReport; " +
                $"this build knows versions up to {latest}. Run the newer version, or restore a backup made for version {latest}.");
        }

        // WAL lets readers go on while a turn writes; the setting persists in the file.
        await connection.ExecuteAsync(new CommandDefinition("PRAGMA journal_mode=WAL", cancellationToken: cancellationToken));

        foreach (var step in migrations.Where(m => m.Version > current))
        {
            await ApplyAsync(connection, step, cancellationToken);
        }

        return await ReadVersionAsync(connection, cancellationToken);
    }

    private async Task ApplyAsync(SqliteConnection connection, Migration step, CancellationToken cancellationToken)
    {
        // Foreign keys must be off while tables are rebuilt; the pragma is ignored inside a transaction.
        await connection.ExecuteAsync(new CommandDefinition("PRAGMA foreign_keys=OFF", cancellationToken: cancellationToken));
        try
        {
            // Non-deferred (BEGIN IMMEDIATE): take the write lock before reading the version.
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            // Another instance may have migrated while we waited for the write lock.
            if (await ReadVersionAsync(connection, cancellationToken, transaction) >= step.Version)
            {
                return;
            }

            await connection.ExecuteAsync(new CommandDefinition(step.Sql, transaction: transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(CreateHistory, transaction: transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                RecordStep,
                new { step.Version, step.Name, AppliedAt = time.GetUtcNow() },
                transaction,
                cancellationToken: cancellationToken));
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

    private static Task<int> ReadVersionAsync(SqliteConnection connection, CancellationToken cancellationToken, SqliteTransaction? transaction = null) =>
        connection.ExecuteScalarAsync<int>(new CommandDefinition("PRAGMA user_version", transaction: transaction, cancellationToken: cancellationToken));

    private static List<Migration> LoadEmbedded()
    {
        var assembly = typeof(DatabaseMigrator).Assembly;
        var steps = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var match = StepName().Match(resource);
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
    private static partial Regex StepName();
}
