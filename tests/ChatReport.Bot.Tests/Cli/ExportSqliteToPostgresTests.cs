using System.Diagnostics;
using System.Security.Cryptography;
using ChatReport.Bot.Backups;
using ChatReport.Bot.Cli;
using ChatReport.Bot.Storage.Connections;
using ChatReport.Bot.Storage.Migrations;
using ChatReport.Bot.Tests.Conversation;
using ChatReport.Bot.Tests.Groups;
using ChatReport.Bot.Tests.Storage;
using ChatReport.Bot.Tests.Support;
using ChatReport.Conversation.Domain;
using ChatReport.Dialogs.Schema;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace ChatReport.Bot.Tests.Cli;

/// <summary>
/// <c>export-sqlite-to-postgres</c>: a SQLite file written by the real bot (chat, review, a
/// deduction, a task, a group subscription, the outbox), moved into a fresh PostgreSQL database,
/// then served from there by the real bot on PostgreSQL. The refusals need no server.
/// </summary>
public sealed class ExportSqliteToPostgresTests : IDisposable
{
    private const string Command = "export-sqlite-to-postgres";

    private static readonly ChannelAccount Secretary = ChatRoom.Person("29:secretary", "李书记");
    private static readonly ChannelAccount Zhang = ChatRoom.Person("29:zhang", "张三");

    private readonly string _folder = Directory.CreateTempSubdirectory("chatreport-export-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string SourcePath => Path.Combine(_folder, "chatreport.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task AnExportedDatabaseIsServedFromPostgreSqlWithTheSameMembersPointsAndClaims()
    {
        using var target = new TestDatabase(provider: StorageProvider.PostgreSql);
        var source = await WriteSourceAsync();

        var export = await RunAsync(Command, "--from", SourcePath, "--to", target.ConnectionString);

        Assert.True(export.Code == CliExitCode.Success, export.Error);
        Assert.Matches(@"ledger_entries\s+" + source.LedgerEntries + @"\s", export.Output);
        Assert.Contains($"{source.Points} in all", export.Output, StringComparison.Ordinal);
        await using var app = new ChatReportApplication(provider: StorageProvider.PostgreSql).WithSetting("ConnectionStrings:ChatReport", target.ConnectionString);
        using var client = app.CreateClient();
        var zhang = (await app.Get<IMemberDirectory>().FindByAccountAsync("msteams", Zhang.Id!, Ct))!;
        Assert.Equal(source.Zhang, zhang);
        Assert.Equal(source.ZhangTotal, await app.Get<ILedger>().GetTotalAsync(zhang.Id, source.Cycle.Id, null, Ct));
        Assert.Equal(source.ZhangClaims, Describe(await app.Get<IClaimBook>().ListForMemberAsync(zhang.Id, source.Cycle.Id, null, Ct)));
        Assert.Equal(source.Standings, await app.Get<ILedger>().GetStandingsAsync(source.Branch.Id, source.Cycle.Id, null, Ct));

        // The bot on PostgreSQL knows him and his points, and new rows get new ids after the copied ones.
        var personal = new ChatRoom(app, client, isGroup: false);
        Assert.Contains($"2026年积分：{source.ZhangTotal.Total} 分", (await personal.SayAsync(Zhang, "我的积分"))[^1], StringComparison.Ordinal);
        await personal.SayAsync(Zhang, "申报 今天上午在村委会门口义务理发");
        await personal.SayAsync(Zhang, "跳过");
        await personal.SayAsync(Zhang, "提交");
        var claim = Assert.Single(await app.Get<IClaimBook>().ListPendingAsync(source.Branch.Id, null, Ct));
        Assert.True(claim.Id > source.ZhangClaims.Max(c => c.Id));
        await new ChatRoom(app, client, isGroup: false).SayAsync(Secretary, $"通过 {claim.Id}");
        Assert.Equal(ClaimStatus.Approved, (await app.Get<IClaimBook>().GetAsync(claim.Id, Ct))!.Status);
        Assert.True((await app.Get<ILedger>().GetTotalAsync(zhang.Id, source.Cycle.Id, null, Ct)).Total > source.ZhangTotal.Total);
    }

    [Fact]
    public async Task ASecondExportIntoTheSameDatabaseIsRefusedAndChangesNothing()
    {
        using var target = new TestDatabase(provider: StorageProvider.PostgreSql);
        var source = await WriteSourceAsync();
        var first = await RunAsync(Command, "--from", SourcePath, "--to", target.ConnectionString);
        Assert.True(first.Code == CliExitCode.Success, $"the first export failed ({first.Code}): {first.Error}");
        var before = await CountsAsync(target);

        var again = await RunAsync(Command, "--from", SourcePath, "--to", target.ConnectionString);

        Assert.Equal(CliExitCode.Failed, again.Code);
        Assert.Contains("is not empty", again.Error, StringComparison.Ordinal);
        Assert.Contains("never mixes two databases", again.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, again.Output);
        Assert.Equal(before, await CountsAsync(target));
        Assert.Equal(source.LedgerEntries, before.Ledger);
    }

    [Fact]
    public async Task ACopyThatDoesNotMatchItsSourceIsRolledBackWithTheDifferencesNamed()
    {
        using var target = new TestDatabase(provider: StorageProvider.PostgreSql);
        await target.Migrator.MigrateAsync(Ct);
        // A target that changes rows on their way in: one bonus point more per bonus, and no audit rows at all.
        await using (var connection = await target.Connections.OpenAsync(Ct))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                CREATE FUNCTION skew_bonus() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN IF NEW.kind = 'bonus' THEN NEW.points := NEW.points + 1; END IF; RETURN NEW; END $$;
                CREATE TRIGGER skew_bonus BEFORE INSERT ON ledger_entries FOR EACH ROW EXECUTE FUNCTION skew_bonus();
                CREATE FUNCTION drop_row() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
                CREATE TRIGGER drop_row BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION drop_row();
                """,
                cancellationToken: Ct));
        }

        var source = await WriteSourceAsync();

        var export = await RunAsync(Command, "--from", SourcePath, "--to", target.ConnectionString);

        Assert.Equal(CliExitCode.Failed, export.Code);
        Assert.Contains("rolled back", export.Error, StringComparison.Ordinal);
        Assert.Matches(@"audit_log has \d+ rows in SQLite but 0 in PostgreSQL", export.Error);
        Assert.Contains($"member #{source.Zhang.Id} has {source.ZhangTotal.Total} points in SQLite but {source.ZhangTotal.Total + source.ZhangBonuses} in PostgreSQL", export.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", export.Error, StringComparison.Ordinal);
        Assert.Equal(new Counts(0, 0, 0), await CountsAsync(target));
    }

    [Fact]
    public async Task AFileAtAnOlderSchemaVersionIsRefusedAndLeftAsItWas()
    {
        var older = DatabaseMigrator.LatestVersion - 1;
        using (var db = new TestDatabase())
        {
            await db.Migrator.MigrateCoreAsync([.. DatabaseMigrator.Embedded.Take(older)], Ct);
            db.Connections.ClearPool();
            File.Copy(db.Path, SourcePath);
        }

        var hash = await HashAsync(SourcePath);

        var export = await RunAsync(Command, "--from", SourcePath, "--to", "Host=127.0.0.1;Port=1;Database=chatreport");

        Assert.Equal(CliExitCode.Failed, export.Code);
        Assert.Contains($"schema version {older}; this build exports version {DatabaseMigrator.LatestVersion}", export.Error, StringComparison.Ordinal);
        Assert.Contains("Start this version of the bot on it once", export.Error, StringComparison.Ordinal);
        Assert.Equal(hash, await HashAsync(SourcePath));
    }

    [Theory]
    [InlineData("missing", "Host=127.0.0.1;Port=1;Database=chatreport", "There is no file")]
    [InlineData("garbage", "Host=127.0.0.1;Port=1;Database=chatreport", "cannot be read as an SQLite database")]
    [InlineData("current", "Hots=127.0.0.1;Database=chatreport", "connection string cannot be read")]
    [InlineData("current", "Host=127.0.0.1", "must name Host and Database")]
    [InlineData("current", "Host=127.0.0.1;Port=1;Database=chatreport;Timeout=5", "PostgreSQL at 127.0.0.1:1/chatreport refused or failed")]
    public async Task AMissingFileOrAnUnusableTargetEndsWithOneAndOneClearLine(string file, string to, string expected)
    {
        if (file == "current")
        {
            using var db = new TestDatabase();
            await db.Migrator.MigrateAsync(Ct);
            db.Connections.ClearPool();
            File.Copy(db.Path, SourcePath);
        }
        else if (file == "garbage")
        {
            await File.WriteAllTextAsync(SourcePath, "not a database, a shopping list", Ct);
        }

        var export = await RunAsync(Command, "--from", SourcePath, "--to", to);

        Assert.Equal(CliExitCode.Failed, export.Code);
        Assert.Contains(expected, export.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", export.Error, StringComparison.Ordinal);
        Assert.Single(export.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task WithoutATargetTheCommandSaysWhatToGive()
    {
        var export = await RunAsync(Command, "--from", SourcePath);

        Assert.Equal(CliExitCode.Usage, export.Code);
        Assert.Contains("--to is required", export.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheRealProcessRefusesAMissingFileInOneLineAndCreatesNoDatabaseOfItsOwn()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        var configured = Path.Combine(_folder, "configured.db");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "ChatReport.Bot.dll"), Command, "--from", SourcePath, "--to", "Host=127.0.0.1;Port=1;Database=chatreport" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ConnectionStrings__ChatReport"] = $"Data Source={configured}";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        Assert.Equal(CliExitCode.Failed, process.ExitCode);
        Assert.Equal($"There is no file '{SourcePath}'.", (await error).Trim());
        Assert.Equal(string.Empty, await output);
        // The configured database is neither created nor migrated for an export.
        Assert.False(File.Exists(configured));
    }

    /// <summary>Runs the command through the dispatcher of a bot host of its own (on SQLite, in another folder): neither side is that host's database.</summary>
    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
        await using var app = new ChatReportApplication();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await app.Services.GetRequiredService<CliCommands>().RunAsync(args, output, error, timeout.Token);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>
    /// A branch's life through the real bot on a SQLite file: 张三 joins in chat, reports twice
    /// (one approved, one rejected), is deducted, takes part in a task; the group is subscribed to
    /// the digest; every reply went through the outbox. The bot is stopped before the export, as it must be.
    /// </summary>
    private async Task<Source> WriteSourceAsync()
    {
        var source = await WriteSourceWithTheBotAsync();
        // The test host stops before its Main has let go of the file's serving lock; a stopped bot
        // is what the export needs, so wait (bounded) until the lock is free, as it is for an
        // administrator once the process has ended.
        for (var i = 0; i < 200; i++)
        {
            using (var alone = ServingLock.TryTake(SourcePath, alone: true))
            {
                if (alone is not null)
                {
                    return source;
                }
            }

            await Task.Delay(50, Ct);
        }

        throw new TimeoutException("The test bot still serves the source file ten seconds after it stopped.");
    }

    private async Task<Source> WriteSourceWithTheBotAsync()
    {
        await using var app = new ChatReportApplication().WithSetting("ConnectionStrings:ChatReport", $"Data Source={SourcePath}");
        using var client = app.CreateClient();
        var branch = await ChatBranch.CreateAsync(app, "王五");
        var members = app.Get<IMemberDirectory>();
        await members.LinkAccountAsync(branch.Secretary.Id, "msteams", Secretary.Id!, Secretary.Name, Ct);
        var personal = new ChatRoom(app, client, isGroup: false);
        var review = new ChatRoom(app, client, isGroup: false);
        await personal.SayAsync(Zhang, $"加入 {branch.Code}");
        await personal.SayAsync(Zhang, "是");
        var zhang = (await members.FindByAccountAsync("msteams", Zhang.Id!, Ct))!;
        var claims = app.Get<IClaimBook>();
        var said = new List<string>();
        foreach (var report in new[] { "申报 昨天下午在村口带头扫雪两个小时", "申报 前天上午在村委会门口义务理发" })
        {
            said.AddRange(await personal.SayAsync(Zhang, report));
            said.AddRange(await personal.SayAsync(Zhang, "跳过"));
            said.AddRange(await personal.SayAsync(Zhang, "提交"));
        }

        var pending = await claims.ListPendingAsync(branch.Unit.Id, null, Ct);
        Assert.True(pending.Count == 2, string.Join("\n", said));
        await review.SayAsync(Secretary, $"通过 {pending[0].Id}");
        await review.SayAsync(Secretary, $"驳回 {pending[1].Id} 同一件事报了两次");
        Assert.Equal(LedgerRecordingStatus.Recorded, (await app.Get<ILedger>().RecordDeductionAsync(new DeductionRequest(zhang.Id, 3, "党费迟交", branch.Secretary.Id, new DateOnly(2026, 11, 20)), Ct)).Status);
        var tasks = app.Get<IServiceTasks>();
        var task = await tasks.PostAsync(new NewServiceTask(branch.Unit.Id, "清扫村道积雪", "村口", new DateTimeOffset(2026, 11, 21, 8, 0, 0, TimeSpan.FromHours(8)), 2, null, branch.Secretary.Id), Ct);
        await tasks.SignUpAsync(task.Id, zhang.Id, Ct);
        await tasks.CompleteAsync(task.Id, branch.Secretary.Id, [zhang.Id], Ct);
        await new ChatRoom(app, client, isGroup: true).SayAsync(Secretary, "订阅日报");

        var ledger = app.Get<ILedger>();
        var total = await ledger.GetTotalAsync(zhang.Id, branch.Cycle.Id, null, Ct);
        var bonuses = (await ledger.ListEntriesAsync(zhang.Id, branch.Cycle.Id, null, Ct)).Count(e => e.Kind == LedgerKind.Bonus);
        await using var connection = await app.Get<DbConnectionFactory>().OpenAsync(Ct);
        var (entries, points) = await connection.QuerySingleAsync<(long, long)>(new CommandDefinition("SELECT count(*), sum(points) FROM ledger_entries", cancellationToken: Ct));
        Assert.True(await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT count(*) FROM outbox", cancellationToken: Ct)) > 0);
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT count(*) FROM group_subscriptions", cancellationToken: Ct)));
        Assert.Equal(2, bonuses);
        return new Source(
            branch.Unit,
            branch.Cycle,
            zhang,
            total,
            bonuses,
            Describe(await claims.ListForMemberAsync(zhang.Id, branch.Cycle.Id, null, Ct)),
            await ledger.GetStandingsAsync(branch.Unit.Id, branch.Cycle.Id, null, Ct),
            entries,
            points);
    }

    private static List<(long Id, ClaimStatus Status, int? Awarded, string Description, DateOnly OccurredOn, DateTimeOffset CreatedAt)> Describe(IEnumerable<Claim> claims) =>
        [.. claims.OrderBy(c => c.Id).Select(c => (c.Id, c.Status, c.AwardedPoints, c.Description, c.OccurredOn, c.CreatedAt))];

    private static async Task<Counts> CountsAsync(TestDatabase target)
    {
        await using var connection = await target.Connections.OpenAsync(Ct);
        return await connection.QuerySingleAsync<Counts>(new CommandDefinition(
            "SELECT (SELECT count(*) FROM members) AS Members, (SELECT count(*) FROM claims) AS Claims, (SELECT count(*) FROM ledger_entries) AS Ledger",
            cancellationToken: Ct));
    }

    private static async Task<string> HashAsync(string path) => Convert.ToHexString(SHA256.HashData(await File.ReadAllBytesAsync(path, Ct)));

    private sealed record Counts(long Members, long Claims, long Ledger);

    private sealed record Source(
        OrgUnit Branch,
        Cycle Cycle,
        Member Zhang,
        PointsBreakdown ZhangTotal,
        int ZhangBonuses,
        List<(long Id, ClaimStatus Status, int? Awarded, string Description, DateOnly OccurredOn, DateTimeOffset CreatedAt)> ZhangClaims,
        IReadOnlyList<MemberStanding> Standings,
        long LedgerEntries,
        long Points);
}
