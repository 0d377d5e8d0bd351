using ChatReport.Bot.Storage.Migrations;
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
        Assert.Equal(DatabaseMigrator.Embedded.Select(m => m.Version), applied);
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
    public async Task AFileAtTheFirstVersionWithDataInItMigratesToTheLatestWithItsDataIntact()
    {
        using var db = new TestDatabase();
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal(1, await db.Migrator.MigrateCoreAsync(DatabaseMigrator.Embedded.Take(1).ToList(), ct));
        // Written with version-1 SQL only, as a bot of that version would have.
        await using (var connection = await db.Connections.OpenAsync(ct))
        {
            await connection.ExecuteAsync("""
                INSERT INTO org_units (id, kind, name, created_at) VALUES (1, 'branch', '山岔村党支部', '2026-01-01T00:00:00.0000000Z');
                INSERT INTO members (id, unit_id, display_name, joined_at) VALUES (1, 1, '王学恩', '2026-01-01T00:00:00.0000000Z');
                INSERT INTO point_rules (id, code, name_zh, name_en, kind, default_points, updated_at) VALUES (1, 'base', '基础积分', 'Base', 'base', 60, '2026-01-01T00:00:00.0000000Z');
                INSERT INTO cycles (id, year, starts_on, ends_on) VALUES (1, 2026, '2026-01-01', '2026-12-31');
                INSERT INTO ledger_entries (member_id, unit_id, cycle_id, quarter, kind, points, rule_id, occurred_on, recorded_at)
                VALUES (1, 1, 1, 1, 'base', 60, 1, '2026-01-01', '2026-01-01T00:00:00.0000000Z');
                """);
        }

        var version = await db.Migrator.MigrateAsync(ct);

        Assert.Equal(DatabaseMigrator.LatestVersion, version);
        var stores = await Stores.CreateAsync(db);
        Assert.Equal("王学恩", (await stores.Members.GetAsync(1, ct))!.DisplayName);
        Assert.Equal(60, (await stores.Ledger.GetTotalAsync(1, 1, null, ct)).Total);
        Assert.Equal(2026, (await stores.Cycles.GetCycleAsync(1, ct))!.Year);
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
