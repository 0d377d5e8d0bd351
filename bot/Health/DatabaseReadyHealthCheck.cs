using System.Data.Common;
using ChatReport.Bot.Storage.Connections;
using ChatReport.Bot.Storage.Migrations;
using Dapper;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatReport.Bot.Health;

/// <summary>
/// The database can be read and has this version's schema. On SQLite the file is looked for by
/// name and its header read first: pooled connections keep a deleted or overwritten file's pages
/// and would go on answering. On PostgreSQL the server answers for its own files.
/// </summary>
public sealed class DatabaseReadyHealthCheck(DbConnectionFactory connections) : IHealthCheck
{
    private const string PostgreSqlVersion = "SELECT coalesce(max(version), 0) FROM schema_migrations";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (connections.Provider == StorageProvider.PostgreSql)
        {
            return await CheckVersionAsync(PostgreSqlVersion, cancellationToken);
        }

        var path = Path.GetFullPath(connections.DataSource);
        if (!File.Exists(path))
        {
            return HealthCheckResult.Unhealthy($"The database file {path} is gone.");
        }

        if (!await HasSqliteHeaderAsync(path, cancellationToken))
        {
            return HealthCheckResult.Unhealthy($"The database file {path} is not a SQLite database.");
        }

        return await CheckVersionAsync("PRAGMA user_version", cancellationToken);
    }

    private async Task<HealthCheckResult> CheckVersionAsync(string readVersion, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await connections.OpenAsync(cancellationToken);
            var version = await connection.ExecuteScalarAsync<int>(new CommandDefinition(readVersion, cancellationToken: cancellationToken));
            await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT count(*) FROM settings", cancellationToken: cancellationToken));
            return version == DatabaseMigrator.LatestVersion
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"The database has schema version {version}; this version needs {DatabaseMigrator.LatestVersion}.");
        }
        catch (DbException ex)
        {
            return HealthCheckResult.Unhealthy("The database cannot be read.", ex);
        }
    }

    private static async Task<bool> HasSqliteHeaderAsync(string path, CancellationToken cancellationToken)
    {
        var header = new byte[16];
        try
        {
            await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            return await file.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken) == header.Length
                && header.AsSpan().SequenceEqual("SQLite format 3\0"u8);
        }
        catch (IOException)
        {
            return false;
        }
    }
}
