using System.Diagnostics;
using System.Net;
using ChatReport.Bot.Backups;
using ChatReport.Bot.Cli;
using ChatReport.Bot.Storage.Connections;
using ChatReport.Bot.Storage.Migrations;
using ChatReport.Bot.Tests.Storage;
using ChatReport.Bot.Tests.Support;
using ChatReport.Conversation.Domain;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatReport.Bot.Tests.Backups;

public sealed class BackupTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("chatreport-backup-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task ABackupTakenWhileClaimsAreWrittenIsWholeOpensInABotAndHoldsTheTotalsOfOneCommit()
    {
        using var db = new TestDatabase(new StorageOptions { Synchronous = "NORMAL" });
        var stores = await Stores.CreateAsync(db);
        var branch = await stores.CreateBranchAsync("张三");
        var basePoints = (await stores.Ledger.GetTotalAsync(branch[0].Id, branch.Cycle.Id, null, Ct)).Total;
        // totals[k] is the member's total once the k-th approval has committed.
        var totals = new List<int> { basePoints };
        var approvals = 0;
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(
            async () =>
            {
                for (var i = 1; i <= 3000 && !stop.IsCancellationRequested; i++)
                {
                    var points = 1 + (i % 3);
                    var claim = await stores.SubmitAsync(branch[0], "volunteer_service", new DateOnly(2026, 11, 20), points, $"第{i}次");
                    await stores.ApproveAsync(claim, branch.Secretary);
                    lock (totals)
                    {
                        totals.Add(totals[^1] + points);
                    }

                    Volatile.Write(ref approvals, i);
                }
            },
            Ct);
        await WaitUntilAsync(() => Volatile.Read(ref approvals) >= 30 || writer.IsCompleted);

        var copy = await new DatabaseBackup(db.Connections).BackUpAsync(Path.Combine(_folder, "during-writes.db"), Ct);
        var approvedWhenCopied = Volatile.Read(ref approvals);
        await WaitUntilAsync(() => Volatile.Read(ref approvals) >= approvedWhenCopied + 30 || writer.IsCompleted);
        await stop.CancelAsync();
        await writer;

        Assert.Equal(DatabaseMigrator.LatestVersion, copy.SchemaVersion);
        await using (var connection = DatabaseBackup.OpenFile(copy.Path, SqliteOpenMode.ReadOnly))
        {
            Assert.Equal("ok", await connection.ExecuteScalarAsync<string>("PRAGMA integrity_check"));
            // Whole transactions only: every approved claim has its ledger entry, and the approvals are the first k.
            var approved = (await connection.QueryAsync<long>("SELECT id FROM claims WHERE status = 'approved' ORDER BY id")).ToList();
            var booked = (await connection.QueryAsync<long>("SELECT claim_id FROM ledger_entries WHERE claim_id IS NOT NULL ORDER BY claim_id")).ToList();
            Assert.Equal(approved, booked);
            Assert.InRange(await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM claims WHERE status = 'pending'"), 0, 1);
        }

        var inCopy = (await BackupTotalsAsync(copy.Path, branch)).Approvals;
        // The copy is of one moment while the writer ran: some approvals before it, more after.
        Assert.InRange(inCopy, 30, approvedWhenCopied);
        Assert.True(Volatile.Read(ref approvals) > inCopy);

        await using var app = new ChatReportApplication();
        File.Copy(copy.Path, app.DatabasePath);
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/healthz", UriKind.Relative), Ct)).StatusCode);
        var total = await app.Get<ILedger>().GetTotalAsync(branch[0].Id, branch.Cycle.Id, null, Ct);
        Assert.Equal(totals[inCopy], total.Total);
    }

    [Fact]
    public async Task TheBackupCommandWritesACheckedCopyAndNeverOverwritesAFile()
    {
        await using var app = new ChatReportApplication();
        app.CreateClient().Dispose();
        var target = Path.Combine(_folder, "nested", "copy.db");

        var made = await RunAsync(app, "backup", "--out", target);
        var again = await RunAsync(app, "backup", "--out", target);
        var usage = await RunAsync(app, "backup");

        Assert.Equal(CliExitCode.Success, made.Code);
        Assert.Contains("integrity check ok", made.Output, StringComparison.Ordinal);
        Assert.Equal(DatabaseMigrator.LatestVersion, (await DatabaseBackup.CheckAsync(target, Ct)).SchemaVersion);
        Assert.Equal(CliExitCode.Failed, again.Code);
        Assert.Contains("exists already", again.Error, StringComparison.Ordinal);
        Assert.Equal(CliExitCode.Usage, usage.Code);
        Assert.Equal([target], Directory.GetFiles(Path.GetDirectoryName(target)!));
    }

    [Fact]
    public async Task ARestoreRefusesWhileTheBotServesAndThenBringsItBackWithTheTotalsOfTheBackup()
    {
        using var db = new TestDatabase();
        var stores = await Stores.CreateAsync(db);
        var branch = await stores.CreateBranchAsync("张三");
        await stores.ApproveAsync(await stores.SubmitAsync(branch[0], "volunteer_service", new DateOnly(2026, 11, 20), 3), branch.Secretary);
        var backupFile = Path.Combine(_folder, "evening.db");
        await using var later = new ChatReportApplication();
        int backedUpTotal;
        await using (var running = new ChatReportApplication())
        {
            await new DatabaseBackup(db.Connections).BackUpAsync(running.DatabasePath, Ct);
            running.CreateClient().Dispose();
            var ledger = running.Get<ILedger>();
            backedUpTotal = (await ledger.GetTotalAsync(branch[0].Id, branch.Cycle.Id, null, Ct)).Total;
            Assert.Equal(CliExitCode.Success, (await RunAsync(running, "backup", "--out", backupFile)).Code);
            var deducted = await ledger.RecordDeductionAsync(
                new DeductionRequest(branch[0].Id, 5, "无故缺席", branch.Secretary.Id, new DateOnly(2026, 11, 26)), Ct);
            Assert.Equal(LedgerRecordingStatus.Recorded, deducted.Status);

            var refused = await RunAsync(running, "restore", "--from", backupFile);

            Assert.Equal(CliExitCode.Failed, refused.Code);
            Assert.Contains("A bot is serving", refused.Error, StringComparison.Ordinal);
            Assert.Equal(backedUpTotal - 5, (await ledger.GetTotalAsync(branch[0].Id, branch.Cycle.Id, null, Ct)).Total);
            // The state after the deduction becomes the next bot's database, which the restore replaces.
            await running.Get<DatabaseBackup>().BackUpAsync(later.DatabasePath, Ct);
        }

        var (code, output) = await RunProcessAsync(later.DatabasePath, "restore", "--from", backupFile);

        Assert.True(code == 0, output);
        var saved = Assert.Single(Directory.GetFiles(Path.Combine(Path.GetDirectoryName(later.DatabasePath)!, "backups"), "bot-before-restore-*.db"));
        Assert.Contains(saved, output, StringComparison.Ordinal);
        using var client = later.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/healthz", UriKind.Relative), Ct)).StatusCode);
        Assert.Equal(backedUpTotal, (await later.Get<ILedger>().GetTotalAsync(branch[0].Id, branch.Cycle.Id, null, Ct)).Total);
        Assert.Equal(backedUpTotal - 5, (await BackupTotalsAsync(saved, branch)).Total);
    }

    [Fact]
    public async Task AFileThatIsNoHealthyChatReportDatabaseIsNotRestored()
    {
        await using var app = new ChatReportApplication();
        var garbage = Path.Combine(_folder, "garbage.db");
        await File.WriteAllTextAsync(garbage, new string('x', 8192), Ct);
        var empty = Path.Combine(_folder, "empty.db");
        await using (var connection = DatabaseBackup.OpenFile(empty, SqliteOpenMode.ReadWriteCreate))
        {
            await connection.ExecuteAsync("CREATE TABLE t (x)");
        }

        var restore = app.Services.GetRequiredService<DatabaseRestore>();
        await Assert.ThrowsAsync<BackupException>(() => restore.RestoreAsync(garbage, Ct));
        await Assert.ThrowsAsync<BackupException>(() => restore.RestoreAsync(empty, Ct));
        await Assert.ThrowsAsync<BackupException>(() => restore.RestoreAsync(Path.Combine(_folder, "missing.db"), Ct));
        // Refused before anything was saved or replaced: the bot goes on with its own database.
        Assert.False(Directory.Exists(Path.Combine(Path.GetDirectoryName(app.DatabasePath)!, "backups")));
        using var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/healthz", UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task NightlyBackupsAreMadeByTheSchedulerOnTheClockAndTheOldestArePruned()
    {
        // Started 2026-11-26 20:00 Beijing time; backups at 03:30 Beijing, i.e. 19:30 UTC the day before.
        await using var app = new ChatReportApplication()
            .WithSetting("Backup:Enabled", "true")
            .WithSetting("Backup:Keep", "2")
            .WithSetting("Backup:Directory", Path.Combine(_folder, "nightly"))
            .WithSetting("Digest:PollInterval", "01:00:00");
        app.CreateClient().Dispose();
        var folder = Path.Combine(_folder, "nightly");
        var expected = new[] { "bot-nightly-20261125T193000Z.db", "bot-nightly-20261126T193000Z.db", "bot-nightly-20261127T193000Z.db", "bot-nightly-20261128T193000Z.db" };
        var seen = new HashSet<string>(StringComparer.Ordinal);
        // An hour at a time: each step fires the scheduler's timer however late it was armed.
        for (var step = 0; step < 200 && !seen.Contains(expected[^1]); step++)
        {
            await WaitUntilAsync(() => Names(folder).Any(n => !seen.Contains(n)), TimeSpan.FromMilliseconds(50));
            seen.UnionWith(Names(folder));
            app.Time.Advance(TimeSpan.FromHours(1));
        }

        var kept = expected.Skip(2).ToArray();
        await WaitUntilAsync(() => Names(folder).SequenceEqual(kept));
        Assert.Superset(expected.ToHashSet(StringComparer.Ordinal), seen);
        Assert.Equal(kept, Names(folder));
        foreach (var file in Directory.GetFiles(folder))
        {
            Assert.Equal(DatabaseMigrator.LatestVersion, (await DatabaseBackup.CheckAsync(file, Ct)).SchemaVersion);
        }

        static string[] Names(string folder) =>
            Directory.Exists(folder) ? [.. Directory.GetFiles(folder, "*.db").Select(Path.GetFileName).Order(StringComparer.Ordinal)!] : [];
    }

    [Fact]
    public async Task OfTwoInstancesOnOneDatabaseOnlyOneMakesTheNightlyBackup()
    {
        using var db = new TestDatabase();
        await db.Migrator.MigrateAsync(Ct);
        var options = Options.Create(new BackupOptions { Directory = Path.Combine(_folder, "shared") });
        NightlyBackup Instance() => new(new DatabaseBackup(db.Connections), new SettingsStore(db.Connections), options, db.Time, NullLogger<NightlyBackup>.Instance);
        var (first, second) = (Instance(), Instance());

        await Task.WhenAll(first.RunDueAsync(Ct), second.RunDueAsync(Ct));
        await Task.WhenAll(first.RunDueAsync(Ct), second.RunDueAsync(Ct));
        var afterOneNight = Directory.GetFiles(options.Value.Directory!).Length;
        db.Time.Advance(TimeSpan.FromDays(1));
        await Task.WhenAll(first.RunDueAsync(Ct), second.RunDueAsync(Ct));

        Assert.Equal(1, afterOneNight);
        Assert.Equal(2, Directory.GetFiles(options.Value.Directory!).Length);
    }

    [Fact]
    public async Task ADatabaseAtThePreviousSchemaVersionIsBackedUpAndMigratedAtStart()
    {
        await using var app = new ChatReportApplication();
        var previous = DatabaseMigrator.LatestVersion - 1;
        var connections = new SqliteConnectionFactory($"Data Source={app.DatabasePath}", Options.Create(new StorageOptions()));
        var migrator = new DatabaseMigrator(connections, app.Time, NullLogger<DatabaseMigrator>.Instance);
        Assert.Equal(previous, await migrator.MigrateCoreAsync([.. DatabaseMigrator.Embedded.Take(previous)], Ct));
        await using (var connection = await connections.OpenAsync(Ct))
        {
            await connection.ExecuteAsync("""
                INSERT INTO org_units (id, kind, name, created_at) VALUES (1, 'branch', '山岔村党支部', '2026-01-01T00:00:00.0000000Z');
                INSERT INTO members (id, unit_id, display_name, joined_at) VALUES (1, 1, '王学恩', '2026-01-01T00:00:00.0000000Z');
                """);
        }

        SqliteConnection.ClearAllPools();

        using var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/healthz", UriKind.Relative), Ct)).StatusCode);
        var backups = Path.Combine(Path.GetDirectoryName(app.DatabasePath)!, "backups");
        var copy = Assert.Single(Directory.GetFiles(backups));
        Assert.StartsWith($"bot-v{previous}-before-v{DatabaseMigrator.LatestVersion}-", Path.GetFileName(copy), StringComparison.Ordinal);
        Assert.Equal(previous, (await DatabaseBackup.CheckAsync(copy, Ct)).SchemaVersion);
        await using var live = await connections.OpenAsync(Ct);
        Assert.Equal(DatabaseMigrator.LatestVersion, await live.ExecuteScalarAsync<int>("PRAGMA user_version"));
        Assert.Equal("王学恩", (await app.Get<IMemberDirectory>().GetAsync(1, Ct))!.DisplayName);
    }

    private static async Task<(int Approvals, int Total)> BackupTotalsAsync(string path, TestBranch branch)
    {
        await using var connection = DatabaseBackup.OpenFile(path, SqliteOpenMode.ReadOnly);
        var approvals = await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM claims WHERE status = 'approved'");
        var total = await connection.ExecuteScalarAsync<int>(
            "SELECT coalesce(sum(points), 0) FROM ledger_entries WHERE member_id = @Id",
            new { branch[0].Id });
        return (approvals, total);
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(ChatReportApplication app, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await app.Services.GetRequiredService<CliCommands>().RunAsync(args, output, error, Ct);
        return (code, output.ToString(), error.ToString());
    }

    private static async Task<(int Code, string Output)> RunProcessAsync(string database, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ChatReport.Bot.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ConnectionStrings__ChatReport"] = $"Data Source={database}";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var run = await ChildProcess.RunAsync(start, TimeSpan.FromMinutes(2), Ct);
        return (run.ExitCode, run.Output + run.Errors);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan? limit = null)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition() && deadline.Elapsed < (limit ?? TimeSpan.FromSeconds(30)))
        {
            await Task.Delay(5, Ct);
        }
    }
}
