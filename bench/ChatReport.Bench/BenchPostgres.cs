using System.Diagnostics;
using Npgsql;

namespace ChatReport.Bench;

/// <summary>
/// A PostgreSQL database per level for the comparison, filled from the seeded SQLite template by the
/// bot's own <c>export-sqlite-to-postgres</c>, so both engines start from the same members and codes.
/// </summary>
internal static class BenchPostgres
{
    /// <summary>Creates (or recreates) database <paramref name="name"/> on the server and copies the template into it; returns its connection string.</summary>
    public static async Task<string> CreateFromAsync(string botDll, string server, string template, string name, CancellationToken cancellationToken)
    {
        await using (var admin = NpgsqlDataSource.Create(server))
        {
            await using var drop = admin.CreateCommand($"DROP DATABASE IF EXISTS {name}");
            await drop.ExecuteNonQueryAsync(cancellationToken);
            await using var create = admin.CreateCommand($"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8'");
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var target = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { botDll, "export-sqlite-to-postgres", "--from", template, "--to", target })
        {
            start.ArgumentList.Add(argument);
        }

        using var export = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = export.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = export.StandardError.ReadToEndAsync(cancellationToken);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromMinutes(10));
        await export.WaitForExitAsync(limit.Token);
        if (export.ExitCode != 0)
        {
            throw new InvalidOperationException($"export-sqlite-to-postgres into {name} exited with {export.ExitCode}: {await output}{await errors}");
        }

        return target;
    }
}
