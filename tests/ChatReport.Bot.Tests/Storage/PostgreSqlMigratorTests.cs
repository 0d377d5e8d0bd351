using ChatReport.Bot.Storage.Connections;
using ChatReport.Bot.Storage.Migrations;
using Dapper;
using Microsoft.Extensions.Logging;

namespace ChatReport.Bot.Tests.Storage;

/// <summary>The PostgreSQL side of the migrator (the SQLite side is <see cref="DatabaseMigratorTests"/>).</summary>
public sealed class PostgreSqlMigratorTests
{
    [Fact]
    public void EveryStepIsWrittenForBothEnginesUnderTheSameNumber()
    {
        Assert.Equal(DatabaseMigrator.Embedded.Select(m => (m.Version, m.Name)), DatabaseMigrator.EmbeddedPostgreSql.Select(m => (m.Version, m.Name)));
    }

    [Fact]
    public async Task MigratesAnEmptyDatabaseToTheLatestVersionAndAgainChangesNothing()
    {
        using var db = new TestDatabase(provider: StorageProvider.PostgreSql);
        var ct = TestContext.Current.CancellationToken;

        Assert.Equal(DatabaseMigrator.LatestVersion, await db.Migrator.MigrateAsync(ct));
        db.Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(DatabaseMigrator.LatestVersion, await db.Migrator.MigrateAsync(ct));

        await using var connection = await db.Connections.OpenAsync(ct);
        Assert.Equal(DatabaseMigrator.Embedded.Select(m => m.Version), await connection.QueryAsync<int>("SELECT version FROM schema_migrations ORDER BY version"));
        Assert.All(await connection.QueryAsync<DateTimeOffset>("SELECT applied_at FROM schema_migrations"), at => Assert.Equal(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero), at));
        // Instants are timestamptz, not text: the server itself can compute with them.
        Assert.Equal("timestamp with time zone", await connection.ExecuteScalarAsync<string>("SELECT pg_typeof(applied_at)::text FROM schema_migrations LIMIT 1"));
    }

    [Fact]
    public async Task RefusesADatabaseWrittenByANewerVersionNamingBothVersions()
    {
        using var db = new TestDatabase(provider: StorageProvider.PostgreSql);
        var ct = TestContext.Current.CancellationToken;
        await db.Migrator.MigrateAsync(ct);
        var newer = DatabaseMigrator.LatestVersion + 5;
        await using (var connection = await db.Connections.OpenAsync(ct))
        {
            await connection.ExecuteAsync("INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Newer, 'future', now())", new { Newer = newer });
        }

        var error = await Assert.ThrowsAsync<DatabaseStartupException>(() => db.Migrator.MigrateAsync(ct));

        Assert.Contains($"version {newer}", error.Message, StringComparison.Ordinal);
        Assert.Contains($"up to {DatabaseMigrator.LatestVersion}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoInstancesStartingTogetherOnAnEmptyDatabaseApplyEachStepOnce()
    {
        using var db = new TestDatabase(provider: StorageProvider.PostgreSql);
        var ct = TestContext.Current.CancellationToken;
        // A second instance: its own connection pool on the same database.
        await using var other = new PostgreSqlConnectionFactory(db.ConnectionString);
        var logs = new[] { new StepLog(), new StepLog() };
        var migrators = new[]
        {
            new DatabaseMigrator(db.Connections, db.Time, logs[0]),
            new DatabaseMigrator(other, db.Time, logs[1]),
        };

        using var start = new ManualResetEventSlim();
        var runs = migrators.Select(m => Task.Run(
            async () =>
            {
                start.Wait(ct);
                return await m.MigrateAsync(ct);
            },
            ct)).ToList();
        start.Set();
        var versions = await Task.WhenAll(runs);

        Assert.Equal([DatabaseMigrator.LatestVersion, DatabaseMigrator.LatestVersion], versions);
        // Between them the two applied every step exactly once.
        Assert.Equal(DatabaseMigrator.LatestVersion, logs[0].Applied + logs[1].Applied);
        await using var connection = await db.Connections.OpenAsync(ct);
        Assert.Equal(DatabaseMigrator.LatestVersion, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM schema_migrations"));
    }

    private sealed class StepLog : ILogger<DatabaseMigrator>
    {
        private int _applied;

        public int Applied => _applied;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (formatter(state, exception).StartsWith("Applied schema step", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _applied);
            }
        }
    }
}
