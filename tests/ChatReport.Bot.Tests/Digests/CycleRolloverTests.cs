using ChatReport.Bot.Storage.Connections;
using ChatReport.Bot.Tests.Storage;
using Dapper;
using static ChatReport.Bot.Tests.Digests.DigestHarness;

namespace ChatReport.Bot.Tests.Digests;

public sealed class CycleRolloverTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task TheNewCycleStartsAtLocalMidnightWithEveryonesBasePointsOnce(StorageProvider provider)
    {
        // 23:00 on 31 December in Beijing.
        using var db = new TestDatabase(now: Utc(12, 31, 15), provider: provider);
        var h = await DigestHarness.CreateAsync(db);
        var branch = await h.Stores.CreateBranchAsync("张三", "李四");
        await h.ApproveAtAsync(branch, branch[0], "volunteer_service", Utc(12, 31, 15, 1), 2);
        var rollover = h.NewRollover();

        Assert.Null(await rollover.EnsureCurrentCycleAsync(Ct));
        Assert.Equal(Utc(12, 31, 16), rollover.NextRollover());

        db.Time.SetUtcNow(Utc(12, 31, 16).AddSeconds(1));
        var created = await Task.WhenAll(h.NewRollover().EnsureCurrentCycleAsync(Ct), h.NewRollover().EnsureCurrentCycleAsync(Ct));
        Assert.Null(await rollover.EnsureCurrentCycleAsync(Ct));

        var cycle = Assert.Single(created, c => c is not null)!;
        Assert.Equal((2027, new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31)), (cycle.Year, cycle.StartsOn, cycle.EndsOn));
        Assert.Equal(Utc(12, 31, 16, year: 2027), rollover.NextRollover());
        await using var connection = await db.Connections.OpenAsync(Ct);
        var bases = await connection.QuerySingleAsync<int>(new CommandDefinition(
            "SELECT count(*) FROM ledger_entries WHERE cycle_id = @Id AND kind = 'base'", new { cycle.Id }, cancellationToken: Ct));
        Assert.Equal(3, bases);
        foreach (var member in branch.Members.Append(branch.Secretary))
        {
            Assert.Equal(60, (await h.Stores.Ledger.GetTotalAsync(member.Id, cycle.Id, null, Ct)).Total);
        }

        // The old cycle stays as it was, and queryable.
        Assert.Equal(62, (await h.Stores.Ledger.GetTotalAsync(branch[0].Id, branch.Cycle.Id, null, Ct)).Total);
        Assert.True((await h.Stores.Cycles.FindCycleAsync(2026, Ct))!.IsOpen);
    }
}
