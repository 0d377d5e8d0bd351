using System.Globalization;
using System.Text;
using ChatReport.Bot.Cli;
using ChatReport.Bot.Storage.Connections;
using ChatReport.Bot.Tests.Storage;
using ChatReport.Conversation.Domain;
using Dapper;

namespace ChatReport.Bot.Tests.Cli;

/// <summary>
/// A whole roster is one write on either engine: thousands of rows into one branch make exactly
/// that many members, base points and audit records; a second run makes none; names the branch
/// already has, or the file already gave, are caught as people read names.
/// </summary>
public sealed class RosterImportAtScaleTests
{
    private const int Rows = 3_000;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task ThousandsOfRowsIntoOneBranchMakeThatManyMembersAndASecondRunMakesNone(StorageProvider provider)
    {
        using var db = new TestDatabase(provider: provider);
        var stores = await Stores.CreateAsync(db);
        var branch = await stores.CreateBranchAsync();
        var lines = new List<string> { "branch,name,role" };
        lines.AddRange(Enumerable.Range(1, Rows).Select(i => string.Create(CultureInfo.InvariantCulture, $"山岔村党支部,成员{i},")));
        // Two bad rows among them, on lines 1002 and 2003 once inserted: skipped with their lines, never undoing the others.
        lines.Insert(1001, "山岔村党支部,钱七,chairman");
        lines.Insert(2002, "山岔村党支部,,member");
        var file = await WriteAsync(db, lines);
        var before = await CountsAsync(db);

        var first = await new RosterImporter(stores.Units, db.Connections, db.Time).ImportAsync(file, Ct);

        Assert.Equal(Rows, first.Count(r => r.Created));
        Assert.Equal(
            [(1002, "unknown role 'chairman' (member, secretary or committee)"), (2003, "empty name")],
            first.Where(r => !r.Created).Select(r => (r.Line, r.SkipReason)));
        Assert.Equal(Rows, first.Where(r => r.Created).Select(r => r.MemberId).Distinct().Count());
        Assert.Equal(Rows + 1, (await stores.Members.ListMembersAsync(branch.Unit.Id, Ct)).Count);
        Assert.Equal(before with { Members = before.Members + Rows, Audits = before.Audits + Rows, BasePoints = before.BasePoints + Rows }, await CountsAsync(db));

        var again = await new RosterImporter(stores.Units, db.Connections, db.Time).ImportAsync(file, Ct);

        Assert.DoesNotContain(again, r => r.Created);
        Assert.Equal(Rows, again.Count(r => r.SkipReason == "already present in 山岔村党支部"));
        Assert.Equal(before with { Members = before.Members + Rows, Audits = before.Audits + Rows, BasePoints = before.BasePoints + Rows }, await CountsAsync(db));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task NamesTheBranchHasOrAnEarlierLineGaveAreSkippedHoweverTheyAreWritten(StorageProvider provider)
    {
        using var db = new TestDatabase(provider: provider);
        var stores = await Stores.CreateAsync(db);
        var branch = await stores.CreateBranchAsync("张三");
        var file = await WriteAsync(db, [
            "branch,name,role",
            "山岔村党支部,張三,member",
            "山岔村党支部,李 书记,",
            "山岔村党支部,王五,committee",
            "山岔村党支部,王\u200b五,member",
            "山岔村党支部,ＷＡＮＧ Fang,",
            "山岔村党支部,wangfang,",
            "山岔村党委,王五,"]);

        var rows = await new RosterImporter(stores.Units, db.Connections, db.Time).ImportAsync(file, Ct);

        Assert.Equal(
            [
                (2, "already present in 山岔村党支部"),
                (3, "already present in 山岔村党支部"),
                (4, null),
                (5, "duplicate of line 4"),
                (6, null),
                (7, "duplicate of line 6"),
                (8, null),
            ],
            rows.Select(r => (r.Line, r.SkipReason)));
        var names = (await stores.Members.ListMembersAsync(branch.Unit.Id, Ct)).Select(m => m.DisplayName).Order(StringComparer.Ordinal);
        Assert.Equal(["WANG Fang", "张三", "李书记", "王五"], names);
        var committee = Assert.Single(await stores.Members.GetRolesAsync(rows[2].MemberId!.Value, Ct));
        Assert.Equal((branch.Unit.Id, Role.Committee), (committee.UnitId, committee.Role));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task TwoImportsOfOneFileAtOnceCreateEachMemberOnce(StorageProvider provider)
    {
        using var db = new TestDatabase(provider: provider);
        var stores = await Stores.CreateAsync(db);
        var branch = await stores.CreateBranchAsync();
        var file = await WriteAsync(db, ["branch,name,role", .. Enumerable.Range(1, 200).Select(i => string.Create(CultureInfo.InvariantCulture, $"山岔村党支部,成员{i},"))]);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));

        var runs = await Task.WhenAll(
            Task.Run(() => new RosterImporter(stores.Units, db.Connections, db.Time).ImportAsync(file, timeout.Token), timeout.Token),
            Task.Run(() => new RosterImporter(stores.Units, db.Connections, db.Time).ImportAsync(file, timeout.Token), timeout.Token));

        // One import takes the write lock first and creates all 200; the other then finds them.
        Assert.Equal([0, 200], runs.Select(r => r.Count(row => row.Created)).Order());
        Assert.Equal(201, (await stores.Members.ListMembersAsync(branch.Unit.Id, Ct)).Count);
    }

    private static async Task<string> WriteAsync(TestDatabase db, IEnumerable<string> lines)
    {
        var file = Path.Combine(Path.GetDirectoryName(db.Path)!, "roster.csv");
        await File.WriteAllTextAsync(file, string.Join("\r\n", lines) + "\r\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), Ct);
        return file;
    }

    private static async Task<Counts> CountsAsync(TestDatabase db)
    {
        await using var connection = await db.Connections.OpenAsync(Ct);
        return await connection.QuerySingleAsync<Counts>(new CommandDefinition(
            """
            SELECT
                (SELECT COUNT(*) FROM members) AS Members,
                (SELECT COUNT(*) FROM audit_log WHERE action = 'member.add') AS Audits,
                (SELECT COUNT(*) FROM ledger_entries WHERE kind = 'base') AS BasePoints
            """,
            cancellationToken: Ct));
    }

    private sealed record Counts(long Members, long Audits, long BasePoints);
}
