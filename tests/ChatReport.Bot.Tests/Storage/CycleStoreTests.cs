using ChatReport.Bot.Storage.Connections;
using ChatReport.Bot.Storage.Domain;
using ChatReport.Conversation.Domain;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatReport.Bot.Tests.Storage;

public sealed class CycleStoreTests
{
    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task EnsuringACycleCreatesItOnceWithEveryonesBasePointsOnItsFirstDay(StorageProvider provider)
    {
        using var db = new TestDatabase(provider: provider);
        var stores = await Stores.CreateAsync(db);
        await stores.LoadDefaultRulesAsync();
        var ct = TestContext.Current.CancellationToken;
        var unit = await stores.Units.CreateUnitAsync(new NewOrgUnit(null, OrgUnitKind.Branch, "西川村党支部"), null, ct);
        var member = await stores.Members.AddMemberAsync(unit.Id, "王学恩", null, ct);

        var cycle = await stores.Cycles.EnsureCycleAsync(2026, ct);
        var again = await stores.Cycles.EnsureCycleAsync(2026, ct);

        Assert.Equal(new Cycle(cycle.Id, 2026, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), true), cycle);
        Assert.Equal(cycle, again);
        var entry = Assert.Single(await stores.Ledger.ListEntriesAsync(member.Id, cycle.Id, null, ct));
        Assert.Equal((LedgerKind.Base, 60, 1, new DateOnly(2026, 1, 1)), (entry.Kind, entry.Points, entry.Quarter, entry.OccurredOn));
        Assert.Equal(cycle, await stores.Cycles.FindCycleForDateAsync(new DateOnly(2026, 12, 31), ct));
        Assert.Null(await stores.Cycles.FindCycleForDateAsync(new DateOnly(2027, 1, 1), ct));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task TheStartUpCycleFollowsTheConfiguredStartDayInTheConfiguredTimeZone(StorageProvider provider)
    {
        // 2026-03-31 20:00 UTC is already 1 April in Shanghai: the cycle starting 04-01 has begun there.
        using var db = new TestDatabase(now: new DateTimeOffset(2026, 3, 31, 20, 0, 0, TimeSpan.Zero), provider: provider);
        var options = new CycleOptions { StartMonthDay = "04-01" };
        var stores = await Stores.CreateAsync(db, options);
        await stores.LoadDefaultRulesAsync();
        var initializer = new CurrentCycleInitializer(stores.Cycles, db.Time, Options.Create(options), NullLogger<CurrentCycleInitializer>.Instance);

        await initializer.InitializeAsync(TestContext.Current.CancellationToken);

        var cycle = Assert.Single(await stores.Cycles.ListCyclesAsync(TestContext.Current.CancellationToken));
        Assert.Equal((2026, new DateOnly(2026, 4, 1), new DateOnly(2027, 3, 31)), (cycle.Year, cycle.StartsOn, cycle.EndsOn));
        Assert.Equal(2, cycle.QuarterOf(new DateOnly(2026, 7, 1)));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task AChangedStartDayNeitherOverlapsNorLeavesAGapAfterThePreviousCycle(StorageProvider provider)
    {
        using var db = new TestDatabase(provider: provider);
        var first = await Stores.CreateAsync(db);
        await first.Cycles.EnsureCycleAsync(2026, TestContext.Current.CancellationToken);
        var changed = await Stores.CreateAsync(db, new CycleOptions { StartMonthDay = "07-01" });

        var next = await changed.Cycles.EnsureCycleAsync(2027, TestContext.Current.CancellationToken);

        Assert.Equal((new DateOnly(2027, 1, 1), new DateOnly(2028, 6, 30)), (next.StartsOn, next.EndsOn));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task AClosedCycleTakesNoClaimsButStaysQueryable(StorageProvider provider)
    {
        using var db = new TestDatabase(provider: provider);
        var stores = await Stores.CreateAsync(db);
        var branch = await stores.CreateBranchAsync("王学恩");
        var ct = TestContext.Current.CancellationToken;
        var pending = await stores.SubmitAsync(branch[0], "volunteer_service", new DateOnly(2026, 12, 30), 2);

        Assert.True(await stores.Cycles.CloseCycleAsync(branch.Cycle.Id, null, ct));
        Assert.False(await stores.Cycles.CloseCycleAsync(branch.Cycle.Id, null, ct));

        var rule = await stores.RuleAsync("volunteer_service");
        var late = await stores.Claims.SubmitAsync(new ClaimRequest(branch[0].Id, rule.Id, db.Time.GetUtcNow(), new DateOnly(2026, 12, 31), null, "x", 2, null, stores.NextActivity(), []), ct);
        Assert.Equal(ClaimSubmissionStatus.NoOpenCycle, late.Status);
        Assert.Equal(ClaimChangeStatus.PeriodClosed, (await stores.Claims.DecideAsync(new ReviewRequest(pending.Id, branch.Secretary.Id, ReviewAction.Approve), ct)).Status);
        Assert.Equal(60, (await stores.Ledger.GetTotalAsync(branch[0].Id, branch.Cycle.Id, null, ct)).Total);
        Assert.False((await stores.Cycles.FindCycleAsync(2026, ct))!.IsOpen);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task SigningOffAQuarterTwiceKeepsTheFirstSignOff(StorageProvider provider)
    {
        using var db = new TestDatabase(provider: provider);
        var stores = await Stores.CreateAsync(db);
        var branch = await stores.CreateBranchAsync("赵支委");
        var ct = TestContext.Current.CancellationToken;

        var first = await stores.Cycles.SignOffQuarterAsync(branch.Unit.Id, 2026, 3, branch.Secretary.Id, ct);
        db.Time.Advance(TimeSpan.FromMinutes(5));
        var second = await stores.Cycles.SignOffQuarterAsync(branch.Unit.Id, 2026, 3, branch[0].Id, ct);

        Assert.False(first.AlreadySignedOff);
        Assert.True(second.AlreadySignedOff);
        Assert.Equal(first.SignOff, second.SignOff);
        Assert.Equal(first.SignOff, await stores.Cycles.FindSignOffAsync(branch.Unit.Id, 2026, 3, ct));
        Assert.Null(await stores.Cycles.FindSignOffAsync(branch.Unit.Id, 2026, 4, ct));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task WhenEveryRemainingQuarterIsSignedOffADeductionIsRefused(StorageProvider provider)
    {
        using var db = new TestDatabase(provider: provider);
        var stores = await Stores.CreateAsync(db);
        var branch = await stores.CreateBranchAsync("王学恩");
        var ct = TestContext.Current.CancellationToken;
        await stores.Cycles.SignOffQuarterAsync(branch.Unit.Id, 2026, 3, branch.Secretary.Id, ct);
        await stores.Cycles.SignOffQuarterAsync(branch.Unit.Id, 2026, 4, branch.Secretary.Id, ct);

        var q3 = await stores.Ledger.RecordDeductionAsync(new DeductionRequest(branch[0].Id, 2, "x", branch.Secretary.Id, new DateOnly(2026, 8, 1)), ct);
        var q2 = await stores.Ledger.RecordDeductionAsync(new DeductionRequest(branch[0].Id, 2, "x", branch.Secretary.Id, new DateOnly(2026, 5, 1)), ct);

        Assert.Equal(LedgerRecordingStatus.PeriodClosed, q3.Status);
        Assert.Equal((LedgerRecordingStatus.Recorded, 2), (q2.Status, q2.Entry!.Quarter));
    }
}
