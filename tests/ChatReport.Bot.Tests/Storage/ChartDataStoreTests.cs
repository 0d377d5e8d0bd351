using ChatReport.Bot.Storage.Connections;
using ChatReport.Bot.Storage.Domain;

namespace ChatReport.Bot.Tests.Storage;

/// <summary>The chart figures, whose month is computed differently by each engine (text on SQLite, a date on PostgreSQL).</summary>
public sealed class ChartDataStoreTests
{
    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task PointsAreSummedPerMemberAndMonthAndPerDayWithoutTheBasePoints(StorageProvider provider)
    {
        using var db = new TestDatabase(provider: provider);
        var stores = await Stores.CreateAsync(db);
        var ct = TestContext.Current.CancellationToken;
        var branch = await stores.CreateBranchAsync("王学恩");
        var member = branch[0];
        await stores.ApproveAsync(await stores.SubmitAsync(member, "free_haircut", new DateOnly(2026, 10, 30), 2), branch.Secretary);
        await stores.ApproveAsync(await stores.SubmitAsync(member, "snow_clearing", new DateOnly(2026, 11, 2), 1), branch.Secretary);
        await stores.ApproveAsync(await stores.SubmitAsync(member, "free_haircut", new DateOnly(2026, 11, 2), 2), branch.Secretary);
        var charts = new ChartDataStore(db.Connections);

        var (members, months) = await charts.ReadMonthsAsync(branch.Unit.Id, branch.Cycle.Id, ct);
        var days = await charts.ReadDaysAsync(branch.Unit.Id, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), ct);

        Assert.Equal([branch.Secretary.Id, member.Id], members.Order());
        Assert.Equal([("2026-10", 2L), ("2026-11", 3L)], months.Where(m => m.MemberId == member.Id).OrderBy(m => m.Month).Select(m => (m.Month, m.Points)));
        Assert.Equal(new Dictionary<DateOnly, int> { [new DateOnly(2026, 11, 2)] = 3 }, days);
    }
}
