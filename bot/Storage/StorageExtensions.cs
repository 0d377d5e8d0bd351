using ChatReport.Bot.Storage.Connections;
using ChatReport.Bot.Storage.Domain;
using ChatReport.Bot.Storage.Migrations;
using ChatReport.Conversation.Domain;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ChatReport.Bot.Storage;

public static class StorageExtensions
{
    /// <summary>
    /// SQLite or PostgreSQL (<c>Storage:Provider</c>) through Dapper: the connection factory, the migrator, the health check, the stores
    /// behind the domain ports of <c>ChatReport.Conversation.Domain</c>, and the first-start work
    /// (default rules, the current cycle).
    /// </summary>
    public static IHostApplicationBuilder AddChatReportStorage(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton(CreateConnectionFactory);
        // For what only SQLite has (its tests read the file through it); on PostgreSQL asking for it is a mistake said plainly.
        builder.Services.AddSingleton(services => services.GetRequiredService<DbConnectionFactory>() as SqliteConnectionFactory
            ?? throw new InvalidOperationException("This needs SQLite (Storage:Provider=Sqlite); the bot runs on PostgreSQL."));
        builder.Services.AddSingleton<GroupCommit>();
        builder.Services.AddSingleton<DatabaseMigrator>();
        builder.Services.AddSingleton<SettingsStore>();
        builder.Services.TryAddSingleton(TimeProvider.System);

        builder.Services.AddOptions<RulesOptions>().BindConfiguration(RulesOptions.Section);
        builder.Services.AddOptions<CycleOptions>()
            .BindConfiguration(CycleOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddOptions<JoinCodeOptions>()
            .BindConfiguration(JoinCodeOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<JoinThrottle>();
        builder.Services.AddSingleton(services => new JoinCodePolicy(services.GetRequiredService<IOptions<JoinCodeOptions>>().Value.ChatCodeLifetime));

        // One store per aggregate; they hold no state, so one instance serves every turn.
        builder.Services.AddSingleton<OrgUnitStore>().AddSingleton<IOrganisation>(s => s.GetRequiredService<OrgUnitStore>());
        builder.Services.AddSingleton<MemberStore>().AddSingleton<IMemberDirectory>(s => s.GetRequiredService<MemberStore>());
        builder.Services.AddSingleton<JoinCodeStore>().AddSingleton<IJoinCodes>(s => s.GetRequiredService<JoinCodeStore>());
        builder.Services.AddSingleton<LinkCodeStore>().AddSingleton<ILinkCodes>(s => s.GetRequiredService<LinkCodeStore>());
        builder.Services.AddSingleton<RuleStore>().AddSingleton<IRuleBook>(s => s.GetRequiredService<RuleStore>());
        builder.Services.AddSingleton<CycleStore>().AddSingleton<ICycleCalendar>(s => s.GetRequiredService<CycleStore>());
        builder.Services.AddSingleton<ClaimStore>().AddSingleton<IClaimBook>(s => s.GetRequiredService<ClaimStore>());
        builder.Services.AddSingleton<LedgerStore>().AddSingleton<ILedger>(s => s.GetRequiredService<LedgerStore>());
        builder.Services.AddSingleton<ServiceTaskStore>().AddSingleton<IServiceTasks>(s => s.GetRequiredService<ServiceTaskStore>());
        builder.Services.AddSingleton<LearnedWordStore>().AddSingleton<ILearnedWordBook>(s => s.GetRequiredService<LearnedWordStore>());
        builder.Services.AddSingleton<AuditStore>().AddSingleton<IAuditTrail>(s => s.GetRequiredService<AuditStore>());

        // In this order: the cycle's base points come from the base rule.
        builder.Services.AddSingleton<IDatabaseInitializer, DefaultRulesInitializer>();
        builder.Services.AddSingleton<IDatabaseInitializer, CurrentCycleInitializer>();
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
        var connections = app.Services.GetRequiredService<DbConnectionFactory>();
        var logger = app.Services.GetRequiredService<ILogger<DatabaseMigrator>>();
        try
        {
            foreach (var before in app.Services.GetServices<IBeforeMigration>())
            {
                await before.RunAsync(cancellationToken);
            }

            var version = await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
            foreach (var initializer in app.Services.GetServices<IDatabaseInitializer>())
            {
                await initializer.InitializeAsync(cancellationToken);
            }

            logger.LogInformation(
                "Database {Path} ({Provider}) is at schema version {Version}",
                connections is SqliteConnectionFactory ? Path.GetFullPath(connections.DataSource) : connections.DataSource,
                connections.Provider,
                version);
            return true;
        }
        catch (DatabaseStartupException ex)
        {
            logger.LogCritical("Cannot start: {Reason}", ex.Message);
            return false;
        }
    }

    /// <summary>
    /// The factory of the configured provider. PostgreSQL has no sensible default database, so it
    /// refuses to start without a connection string rather than guess one.
    /// </summary>
    private static DbConnectionFactory CreateConnectionFactory(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<StorageOptions>>();
        var connectionString = services.GetRequiredService<IConfiguration>().GetConnectionString("ChatReport");
        return options.Value.Provider switch
        {
            StorageProvider.PostgreSql => new PostgreSqlConnectionFactory(
                string.IsNullOrWhiteSpace(connectionString)
                    ? throw new InvalidOperationException("Storage:Provider is PostgreSql, so ConnectionStrings:ChatReport must be an Npgsql connection string (Host=…;Database=…;Username=…).")
                    : connectionString),
            _ => new SqliteConnectionFactory(connectionString ?? StorageOptions.DefaultConnectionString, options),
        };
    }

    private sealed class DatabaseHealthCheck(DbConnectionFactory connections) : IHealthCheck
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
            catch (System.Data.Common.DbException ex)
            {
                return HealthCheckResult.Unhealthy("The database cannot be read.", ex);
            }
        }
    }
}
