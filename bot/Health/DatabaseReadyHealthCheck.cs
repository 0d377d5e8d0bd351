using ChatReport.Bot.Storage.Connections;
using ChatReport.Bot.Storage.Migrations;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatReport.Bot.Health;

/// <summary>
/// The database file is there, can be read, and has this version's schema. The file is looked
/// for by name first: pooled connections keep a deleted file open and would go on answering.
/// </summary>
public sealed class DatabaseReadyHealthCheck(SqliteConnectionFactory connections) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var path = Path.GetFullPath(connections.DataSource);
        if (!File.Exists(path))
        {
            return HealthCheckResult.Unhealthy($"The database file {path} is gone.");
        }

        try
        {
            await using var connection = await connections.OpenAsync(cancellationToken);
            var version = await connection.ExecuteScalarAsync<int>(new CommandDefinition("PRAGMA user_version", cancellationToken: cancellationToken));
            await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT count(*) FROM settings", cancellationToken: cancellationToken));
            return version == DatabaseMigrator.LatestVersion
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"The database has schema version {version}; this version needs {DatabaseMigrator.LatestVersion}.");
        }
        catch (SqliteException ex)
        {
            return HealthCheckResult.Unhealthy("The database cannot be read.", ex);
        }
    }
}
