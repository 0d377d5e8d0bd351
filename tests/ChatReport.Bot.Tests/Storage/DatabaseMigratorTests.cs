using ChatReport.Bot.Storage;
using Dapper;

namespace ChatReport.Bot.Tests.Storage;

public sealed class DatabaseMigratorTests
{
    [Fact]
    public async Task MigratesAnEmptyFileToTheLatestVersion()
    {
        using var db = new TestDatabase();

        var version = await db.Migrator.MigrateAsync(TestContext.Current.CancellationToken);

        Assert.Equal(DatabaseMigrator.LatestVersion, version);
        await using var connection = await db.Connections.OpenAsync(TestContext.Current.CancellationToken);
        Assert.Equal("wal", await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode"));
        var applied = await connection.QueryAsync<int>("SELECT version FROM schema_migrations ORDER BY version");
        Assert.Equal(Enumerable.Range(1, DatabaseMigrator.LatestVersion), applied);
    }

    [Fact]
    public async Task RunningAgainOnAMigratedFileChangesNothing()
    {
        using var db = new TestDatabase();
        await db.Migrator.MigrateAsync(TestContext.Current.CancellationToken);
        db.Time.Advance(TimeSpan.FromDays(1));

        var version = await db.Migrator.MigrateAsync(TestContext.Current.CancellationToken);

        Assert.Equal(DatabaseMigrator.LatestVersion, version);
        await using var connection = await db.Connections.OpenAsync(TestContext.Current.CancellationToken);
        var appliedAt = await connection.QueryAsync<DateTimeOffset>("SELECT applied_at FROM schema_migrations");
        Assert.All(appliedAt, at => Assert.Equal(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero), at));
    }

    [Fact]
    public async Task RefusesADatabaseWrittenByANewerVersionNamingBothVersions()
    {
        using var db = new TestDatabase();
        await db.Migrator.MigrateAsync(TestContext.Current.CancellationToken);
        var newer = DatabaseMigrator.LatestVersion + 5;
        await using (var connection = await db.Connections.OpenAsync(TestContext.Current.CancellationToken))
        {
            await connection.ExecuteAsync($"PRAGMA user_version = {newer}");
        }

        var error = await Assert.ThrowsAsync<DatabaseStartupException>(() => db.Migrator.MigrateAsync(TestContext.Current.CancellationToken));

        Assert.Contains($"version {newer}", error.Message, StringComparison.Ordinal);
        Assert.Contains($"up to {DatabaseMigrator.LatestVersion}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACorruptFileGivesAClearMessage()
    {
        using var db = new TestDatabase();
        await File.WriteAllTextAsync(db.Path, new string('x', 8192), TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<DatabaseStartupException>(() => db.Migrator.MigrateAsync(TestContext.Current.CancellationToken));

        Assert.Contains("not a usable SQLite database", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoresInstantsAsUtcIsoText()
    {
        using var db = new TestDatabase();
        await db.Migrator.MigrateAsync(TestContext.Current.CancellationToken);
        await using var connection = await db.Connections.OpenAsync(TestContext.Current.CancellationToken);

        var raw = await connection.ExecuteScalarAsync<string>("SELECT applied_at FROM schema_migrations WHERE version = 1");

        Assert.Equal("2026-11-26T12:00:00.0000000Z", raw);
    }
}
