using System.Data.Common;
using ChatReport.Bot.Storage.Connections;
using ChatReport.Bot.Storage.Domain;
using ChatReport.Conversation.Domain;
using Dapper;

namespace ChatReport.Bot.Tests.Storage;

public sealed class LedgerStoreTests
{
    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task TheLedgerRefusesUpdatesAndDeletes(StorageProvider provider)
    {
        using var db = new TestDatabase(provider: provider);
        var stores = await Stores.CreateAsync(db);
        var branch = await stores.CreateBranchAsync("王学恩");
        await using var connection = await db.Connections.OpenAsync(TestContext.Current.CancellationToken);

        var update = await Assert.ThrowsAnyAsync<DbException>(() => connection.ExecuteAsync("UPDATE ledger_entries SET points = 100"));
        var delete = await Assert.ThrowsAnyAsync<DbException>(() => connection.ExecuteAsync("DELETE FROM ledger_entries"));

        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", delete.Message, StringComparison.Ordinal);
        Assert.Equal([60, 60], await connection.QueryAsync<int>("SELECT points FROM ledger_entries ORDER BY id"));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task TheLedgerRefusesEntriesWhoseSignContradictsTheirKind(StorageProvider provider)
    {
        using var db = new TestDatabase(provider: provider);
        var stores = await Stores.CreateAsync(db);
        var branch = await stores.CreateBranchAsync("王学恩");
        await using var connection = await db.Connections.OpenAsync(TestContext.Current.CancellationToken);
        const string insert = """
            INSERT INTO ledger_entries (member_id, unit_id, cycle_id, quarter, kind, points, occurred_on, recorded_at)
            VALUES (@MemberId, @UnitId, @CycleId, 4, @Kind, @Points, '2026-10-01', '2026-10-01T00:00:00.0000000Z')
            """;
        object Row(string kind, int points) => new { MemberId = branch[0].Id, UnitId = branch.Unit.Id, CycleId = branch.Cycle.Id, Kind = kind, Points = points };

        await Assert.ThrowsAnyAsync<DbException>(() => connection.ExecuteAsync(insert, Row("deduction", 5)));
        await Assert.ThrowsAnyAsync<DbException>(() => connection.ExecuteAsync(insert, Row("bonus", -5)));
        await Assert.ThrowsAnyAsync<DbException>(() => connection.ExecuteAsync(insert, Row("reversal", -5)));
        Assert.Equal(1, await connection.ExecuteAsync(insert, Row("adjustment", -5)));
    }

    /// <summary>
    /// A small branch built by hand. Everyone starts with the 60 base points on 2026-01-01 (Q1).
    /// 王: +5 haircut, +10 greening (Q4), −5 absent (Q4)            → 60 + 15 − 5 = 70
    /// 张: +1 snow, party day claimed 2 adjusted to 1 (Q4)           → 60 + 2      = 62
    /// 刘: +2 volunteering reversed, −3 late dues (Q4)               → 60 + 0 − 3  = 57
    /// 陈: +2 home help (Q4); a pending claim counts for nothing      → 60 + 2      = 62
    /// 杨: +2 labour in Q3; a rejected claim counts for nothing       → 60 + 2      = 62
    /// 李书记 (the secretary): nothing                                → 60
    /// Year, standard competition ranking: 王 1, 张 2, 陈 2, 杨 2, 李 5, 刘 6.
    /// Q4 only: 王 10, 张 2, 陈 2, 杨 0, 李 0, 刘 −3 → 王 1, 张 2, 陈 2, 李 4, 杨 4, 刘 6.
    /// Equal totals are listed by member number (李书记 was added first).
    /// </summary>
    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task TotalsAndRanksOfAHandBuiltBranchAreAsComputedByHand(StorageProvider provider)
    {
        using var db = new TestDatabase(provider: provider);
        var stores = await Stores.CreateAsync(db);
        var branch = await stores.CreateBranchAsync("王学恩", "张建周", "刘明", "陈芳", "杨帆");
        var (wang, zhang, liu, chen, yang) = (branch[0], branch[1], branch[2], branch[3], branch[4]);
        var secretary = branch.Secretary;
        var ct = TestContext.Current.CancellationToken;
        var q4 = new DateOnly(2026, 10, 8);

        await stores.ApproveAsync(await stores.SubmitAsync(wang, "free_haircut", q4, 5), secretary);
        await stores.ApproveAsync(await stores.SubmitAsync(wang, "greening_zone", q4, 10), secretary);
        Recorded(await stores.Ledger.RecordDeductionAsync(new DeductionRequest(wang.Id, 5, "无故缺席党员大会", secretary.Id, new DateOnly(2026, 11, 20), (await stores.RuleAsync("absent_without_reason")).Id), ct));
        await stores.ApproveAsync(await stores.SubmitAsync(zhang, "snow_clearing", q4, 1), secretary);
        await stores.ApproveAsync(await stores.SubmitAsync(zhang, "party_day", q4, 2), secretary, adjustTo: 1);
        var mistaken = await stores.ApproveAsync(await stores.SubmitAsync(liu, "volunteer_service", q4, 2), secretary);
        Recorded(await stores.Ledger.ReverseAsync(new ReversalRequest(mistaken.Id, "重复申报", secretary.Id), ct));
        Recorded(await stores.Ledger.RecordDeductionAsync(new DeductionRequest(liu.Id, 3, "党费迟交", secretary.Id, q4), ct));
        await stores.ApproveAsync(await stores.SubmitAsync(chen, "home_help", q4, 2), secretary);
        await stores.SubmitAsync(chen, "volunteer_service", q4, 2);
        await stores.ApproveAsync(await stores.SubmitAsync(yang, "voluntary_labour", new DateOnly(2026, 8, 1), 2), secretary);
        var rejected = await stores.SubmitAsync(yang, "volunteer_service", q4, 2);
        await stores.Claims.DecideAsync(new ReviewRequest(rejected.Id, secretary.Id, ReviewAction.Reject, Note: "没有参加"), ct);

        Assert.Equal(new PointsBreakdown(60, 15, 5), await stores.Ledger.GetTotalAsync(wang.Id, branch.Cycle.Id, null, ct));
        Assert.Equal(70, (await stores.Ledger.GetTotalAsync(wang.Id, branch.Cycle.Id, null, ct)).Total);
        Assert.Equal(new PointsBreakdown(60, 0, 3), await stores.Ledger.GetTotalAsync(liu.Id, branch.Cycle.Id, null, ct));
        Assert.Equal(new PointsBreakdown(0, 15, 5), await stores.Ledger.GetTotalAsync(wang.Id, branch.Cycle.Id, 4, ct));

        var year = await stores.Ledger.GetStandingsAsync(branch.Unit.Id, branch.Cycle.Id, null, ct);
        Assert.Equal(
            [("王学恩", 70, 1), ("张建周", 62, 2), ("陈芳", 62, 2), ("杨帆", 62, 2), ("李书记", 60, 5), ("刘明", 57, 6)],
            year.Select(s => (s.DisplayName, s.Points.Total, s.Rank)));
        var quarter = await stores.Ledger.GetStandingsAsync(branch.Unit.Id, branch.Cycle.Id, 4, ct);
        Assert.Equal(
            [("王学恩", 10, 1), ("张建周", 2, 2), ("陈芳", 2, 2), ("李书记", 0, 4), ("杨帆", 0, 4), ("刘明", -3, 6)],
            quarter.Select(s => (s.DisplayName, s.Points.Total, s.Rank)));

        var rank = await stores.Ledger.GetRankAsync(chen.Id, branch.Cycle.Id, null, ct);
        Assert.Equal((2, 6, 62), (rank!.Standing.Rank, rank.RankedMembers, rank.Standing.Points.Total));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task StandingsListEqualTotalsByMemberNumber(StorageProvider provider)
    {
        using var db = new TestDatabase(provider: provider);
        var stores = await Stores.CreateAsync(db);
        var branch = await stores.CreateBranchAsync("甲", "乙", "丙");

        var standings = await stores.Ledger.GetStandingsAsync(branch.Unit.Id, branch.Cycle.Id, null, TestContext.Current.CancellationToken);

        Assert.All(standings, s => Assert.Equal(1, s.Rank));
        Assert.Equal(standings.Select(s => s.MemberId).Order(), standings.Select(s => s.MemberId));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task AReversalCountsInThePartOfTheEntryItReversesAndHappensOnce(StorageProvider provider)
    {
        using var db = new TestDatabase(provider: provider);
        var stores = await Stores.CreateAsync(db);
        var branch = await stores.CreateBranchAsync("王学恩");
        var ct = TestContext.Current.CancellationToken;
        var deduction = (await stores.Ledger.RecordDeductionAsync(new DeductionRequest(branch[0].Id, 5, "群众反映", branch.Secretary.Id, new DateOnly(2026, 10, 3)), ct)).Entry!;

        var first = await stores.Ledger.ReverseAsync(new ReversalRequest(deduction.Id, "经核实反映不实", branch.Secretary.Id), ct);
        var again = await stores.Ledger.ReverseAsync(new ReversalRequest(deduction.Id, "再来一次", branch.Secretary.Id), ct);
        var reversingTheReversal = await stores.Ledger.ReverseAsync(new ReversalRequest(first.Entry!.Id, "撤销", branch.Secretary.Id), ct);

        Assert.Equal(LedgerRecordingStatus.Recorded, first.Status);
        Assert.Equal((LedgerKind.Reversal, 5, deduction.Id), (first.Entry.Kind, first.Entry.Points, first.Entry.ReversesEntryId));
        Assert.Equal(LedgerRecordingStatus.AlreadyRecorded, again.Status);
        Assert.Equal(first.Entry.Id, again.Entry!.Id);
        Assert.Equal(LedgerRecordingStatus.NotAllowed, reversingTheReversal.Status);
        Assert.Equal(new PointsBreakdown(60, 0, 0), await stores.Ledger.GetTotalAsync(branch[0].Id, branch.Cycle.Id, null, ct));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task AnAdjustmentCountsWithTheEntryItRefersToOrElseAsBonus(StorageProvider provider)
    {
        using var db = new TestDatabase(provider: provider);
        var stores = await Stores.CreateAsync(db);
        var branch = await stores.CreateBranchAsync("王学恩");
        var ct = TestContext.Current.CancellationToken;
        var deduction = (await stores.Ledger.RecordDeductionAsync(new DeductionRequest(branch[0].Id, 5, "群众反映", branch.Secretary.Id, new DateOnly(2026, 10, 3)), ct)).Entry!;
        await using (var connection = await db.Connections.OpenAsync(ct))
        await using (var transaction = await connection.BeginTransactionAsync(ct))
        {
            var now = db.Time.GetUtcNow();
            await LedgerWriter.InsertAsync(connection, transaction, new NewLedgerEntry(branch[0].Id, branch.Unit.Id, branch.Cycle.Id, 4, LedgerKind.Adjustment, 2, deduction.OccurredOn, now, branch.Secretary.Id, "减轻扣分", ReversesEntryId: deduction.Id), ct);
            await LedgerWriter.InsertAsync(connection, transaction, new NewLedgerEntry(branch[0].Id, branch.Unit.Id, branch.Cycle.Id, 4, LedgerKind.Adjustment, -1, deduction.OccurredOn, now, branch.Secretary.Id, "更正"), ct);
            await transaction.CommitAsync(ct);
        }

        var total = await stores.Ledger.GetTotalAsync(branch[0].Id, branch.Cycle.Id, null, ct);

        Assert.Equal(new PointsBreakdown(60, -1, 3), total);
        Assert.Equal(56, total.Total);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task ADeductionIsRecordedOncePerActivityOnlyByAReviewerOfTheMembersBranch(StorageProvider provider)
    {
        using var db = new TestDatabase(provider: provider);
        var stores = await Stores.CreateAsync(db);
        var branch = await stores.CreateBranchAsync("王学恩", "张建周");
        var ct = TestContext.Current.CancellationToken;
        var source = new ActivityKey("msteams", "group-1", "act-9");
        var request = new DeductionRequest(branch[0].Id, 5, "无故缺席", branch.Secretary.Id, new DateOnly(2026, 11, 20), Source: source);

        var first = await stores.Ledger.RecordDeductionAsync(request, ct);
        var redelivered = await stores.Ledger.RecordDeductionAsync(request, ct);
        var byMember = await stores.Ledger.RecordDeductionAsync(request with { RecordedBy = branch[1].Id, Source = null }, ct);
        var onSelf = await stores.Ledger.RecordDeductionAsync(request with { MemberId = branch.Secretary.Id, Source = null }, ct);
        var lastYear = await stores.Ledger.RecordDeductionAsync(request with { OccurredOn = new DateOnly(2025, 11, 20), Source = null }, ct);

        Assert.Equal(LedgerRecordingStatus.Recorded, first.Status);
        Assert.Equal((LedgerKind.Deduction, -5, "无故缺席"), (first.Entry!.Kind, first.Entry.Points, first.Entry.Reason));
        Assert.Equal(LedgerRecordingStatus.AlreadyRecorded, redelivered.Status);
        Assert.Equal(first.Entry.Id, redelivered.Entry!.Id);
        Assert.Equal(LedgerRecordingStatus.NotAllowed, byMember.Status);
        Assert.Equal(LedgerRecordingStatus.NotAllowed, onSelf.Status);
        Assert.Equal(LedgerRecordingStatus.PeriodClosed, lastYear.Status);
        Assert.Equal(5, (await stores.Ledger.GetTotalAsync(branch[0].Id, branch.Cycle.Id, null, ct)).Deduction);
        var audit = Assert.Single(await stores.Audit.ListForSubjectAsync(AuditSubjects.LedgerEntry, first.Entry.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ct));
        Assert.Equal((branch.Secretary.Id, "ledger.deduct"), (audit.ActorId, audit.Action));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task TheNoticeListsTheBranchesEntriesOfTheQuarter(StorageProvider provider)
    {
        using var db = new TestDatabase(provider: provider);
        var stores = await Stores.CreateAsync(db);
        var branch = await stores.CreateBranchAsync("王学恩", "张建周");
        var ct = TestContext.Current.CancellationToken;
        await stores.ApproveAsync(await stores.SubmitAsync(branch[1], "snow_clearing", new DateOnly(2026, 12, 2), 1), branch.Secretary);
        await stores.ApproveAsync(await stores.SubmitAsync(branch[0], "free_haircut", new DateOnly(2026, 10, 8), 5), branch.Secretary);
        await stores.ApproveAsync(await stores.SubmitAsync(branch[0], "volunteer_service", new DateOnly(2026, 9, 8), 2), branch.Secretary);

        var items = await stores.Ledger.ListUnitEntriesAsync(branch.Unit.Id, branch.Cycle.Id, 4, ct);

        Assert.Equal([(branch[0].Id, 5), (branch[1].Id, 1)], items.Select(e => (e.MemberId, e.Points)));
    }

    private static void Recorded(LedgerRecording recording) =>
        Assert.Equal(LedgerRecordingStatus.Recorded, recording.Status);
}
