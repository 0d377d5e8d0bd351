using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ChatReport.Bot.Storage;

public static class StorageExtensions
{
    /// <summary>SQLite through Dapper: the connection factory, the migrator and the health check.</summary>
    public static IHostApplicationBuilder AddChatReportStorage(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton(services => new SqliteConnectionFactory(
            services.GetRequiredService<IConfiguration>().GetConnectionString("ChatReport") ?? StorageOptions.DefaultConnectionString,
            services.GetRequiredService<IOptions<StorageOptions>>()));
        builder.Services.AddSingleton<DatabaseMigrator>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }

    /// <summary>
    /// Brings the database up to date before the first request is served. Returns false, after
    /// telling the administrator why in one log line, when the file cannot be used.
    /// </summary>
    public static async Task<bool> PrepareDatabaseAsync(this WebApplication app, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        var connections = app.Services.GetRequiredService<SqliteConnectionFactory>();
        var logger = app.Services.GetRequiredService<ILogger<DatabaseMigrator>>();
        try
        {
            var version = await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
            foreach (var initializer in app.Services.GetServices<IDatabaseInitializer>())
            {
                await initializer.InitializeAsync(cancellationToken);
            }

            logger.LogInformation("Database {Path} is at schema version {Version}", Path.GetFullPath(connections.DataSource), version);
            return true;
        }
        catch (DatabaseStartupException ex)
        {
            logger.LogCritical("Cannot start: {Reason}", ex.Message);
            return false;
        }
    }

    private sealed class DatabaseHealthCheck(SqliteConnectionFactory connections) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                await using var connection = await connections.OpenAsync(cancellationToken);
                await using var command = connection.CreateCommand();
                command.CommandText = "SELECT count(*) FROM settings";
                await command.ExecuteScalarAsync(cancellationToken);
                return HealthCheckResult.Healthy();
            }
            catch (Microsoft.Data.Sqlite.SqliteException ex)
            {
                return HealthCheckResult.Unhealthy("The database cannot be read.", ex);
            }
        }
    }
}
