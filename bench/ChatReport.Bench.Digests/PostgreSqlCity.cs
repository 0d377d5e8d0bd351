using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using ChatReport.Bot.PostgreSqlExport;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ChatReport.Bench.Digests;

/// <summary>
/// Brings the generated city into PostgreSQL the way an administrator moves a bot there: a new
/// database, then the bot's own <c>export-sqlite-to-postgres</c> (the command's code, called in
/// process) from the SQLite file, then the statistics and visibility map autovacuum would have
/// made by the first evening after the move.
/// </summary>
internal sealed partial class PostgreSqlCity(BenchSettings settings, TextWriter output)
{
    /// <summary>
    /// Makes the database named in <see cref="BenchSettings.PostgreSql"/> hold the city. A database
    /// that already holds one is measured again as it is (like a re-run on the same SQLite file),
    /// unless <paramref name="mustBeNew"/> (a freshly generated file must not be measured against an
    /// older export). Returns false, having said why, when it cannot.
    /// </summary>
    public async Task<bool> PrepareAsync(bool mustBeNew, CancellationToken cancellationToken)
    {
        var target = new NpgsqlConnectionStringBuilder(settings.PostgreSql);
        var name = target.Database ?? string.Empty;
        if (!PlainName().IsMatch(name) || name is "postgres" or "template0" or "template1")
        {
            await Console.Error.WriteLineAsync($"--postgres must name a database of the bench's own (Database=citybench), not '{name}': it is created, filled and measured.");
            return false;
        }

        var created = await CreateIfMissingAsync(target, name, cancellationToken);
        if (!created && await HoldsCityAsync(target, cancellationToken))
        {
            if (mustBeNew)
            {
                await Console.Error.WriteLineAsync($"PostgreSQL database {name} already holds a city; drop it (DROP DATABASE {name}) to export the new file into it.");
                return false;
            }

            await output.WriteLineAsync($"PostgreSQL database {name} already holds the exported city: measuring it again (drop it to export again).");
            return true;
        }

        await output.WriteLineAsync($"Exporting {settings.DatabasePath} to PostgreSQL database {name} with export-sqlite-to-postgres ({LoadAverage.Now()})");
        var export = new SqliteToPostgreSqlExport(TimeProvider.System, NullLoggerFactory.Instance);
        var result = await export.ExportAsync(settings.DatabasePath, target.ToString(), cancellationToken);
        await output.WriteAsync(ExportSqliteToPostgresCliCommand.Describe(result));

        // Autovacuum analyses and vacuums a table soon after a load this size (insert thresholds),
        // long before the first evening's digest; done here at once, the measurements neither race
        // the daemon nor depend on when it got round to each table.
        var watch = Stopwatch.StartNew();
        await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(target.ToString()) { CommandTimeout = 0 }.ToString()))
        {
            await connection.OpenAsync(cancellationToken);
            await using var vacuum = new NpgsqlCommand("VACUUM (ANALYZE)", connection);
            await vacuum.ExecuteNonQueryAsync(cancellationToken);
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"VACUUM (ANALYZE) after the export, as autovacuum would: {watch.Elapsed.TotalSeconds:N1} s ({LoadAverage.Now()})"));
        return true;
    }

    private static async Task<bool> CreateIfMissingAsync(NpgsqlConnectionStringBuilder target, string name, CancellationToken cancellationToken)
    {
        await using var server = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(target.ToString()) { Database = "postgres" });
        await using var exists = server.CreateCommand("SELECT count(*) FROM pg_database WHERE datname = $1");
        exists.Parameters.Add(new NpgsqlParameter { Value = name });
        if ((long)(await exists.ExecuteScalarAsync(cancellationToken))! > 0)
        {
            return false;
        }

        await using var create = server.CreateCommand($"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8'");
        await create.ExecuteNonQueryAsync(cancellationToken);
        return true;
    }

    /// <summary>An export that failed rolled back, leaving the tables (migrated) but no rows: that database is exported into again.</summary>
    private static async Task<bool> HoldsCityAsync(NpgsqlConnectionStringBuilder target, CancellationToken cancellationToken)
    {
        await using var database = NpgsqlDataSource.Create(target);
        await using var table = database.CreateCommand("SELECT to_regclass('public.ledger_entries') IS NOT NULL");
        if (!(bool)(await table.ExecuteScalarAsync(cancellationToken))!)
        {
            return false;
        }

        await using var rows = database.CreateCommand("SELECT EXISTS (SELECT 1 FROM ledger_entries)");
        return (bool)(await rows.ExecuteScalarAsync(cancellationToken))!;
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]*$")]
    private static partial Regex PlainName();
}
