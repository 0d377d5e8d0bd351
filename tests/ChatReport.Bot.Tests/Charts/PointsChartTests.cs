using System.Buffers.Binary;
using ChatReport.Bot.Charts;
using ChatReport.Bot.Notices;
using ChatReport.Bot.Storage.Domain;
using ChatReport.Bot.Tests.Digests;
using ChatReport.Bot.Tests.Storage;
using ChatReport.Conversation.Points;
using ChatReport.Dialogs.Localization;
using static ChatReport.Bot.Tests.Digests.DigestHarness;

namespace ChatReport.Bot.Tests.Charts;

/// <summary>我的积分's monthly chart over the real ledger, for an empty, a one-member and a 500-member branch.</summary>
public sealed class PointsChartTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(500)]
    public async Task MyPointsByMonthIsAPhoneSizedPngWithTheSameNumbersInWords(int members)
    {
        using var db = new TestDatabase(now: Utc(1, 5, 1));
        var h = await DigestHarness.CreateAsync(db);
        var branch = await h.Stores.CreateBranchAsync([.. Enumerable.Range(1, members).Select(i => $"党员{i:000}")]);
        // The first 50 members (or fewer) earn 2 points in January, 4 in February…; member i only from month i % 10 + 1 on.
        var earners = branch.Members.Take(50).ToList();
        var at = Utc(1, 6, 2);
        for (var month = 1; month <= 10; month++)
        {
            for (var i = 0; i < earners.Count; i++)
            {
                if (month > i % 10)
                {
                    at = at < Utc(month, 6, 2) ? Utc(month, 6, 2) : at.AddMinutes(1);
                    await h.ApproveAtAsync(branch, earners[i], "volunteer_service", at, 2);
                }
            }
        }

        var today = new DateOnly(2026, 11, 26);
        var me = members == 0 ? branch.Secretary : branch[0];
        using var renderer = new ChartRenderer(Microsoft.Extensions.Options.Options.Create(new NoticeOptions()));
        var charts = new PointsChartsAdapter(new ChartDataStore(db.Connections), renderer);

        var monthly = await charts.MonthlyAsync(me, branch.Cycle, today, ReplyLanguage.Chinese, "webchat", Ct);
        var teams = await charts.MonthlyAsync(me, branch.Cycle, today, ReplyLanguage.Chinese, "msteams", Ct);

        Assert.Equal(11, monthly.Months.Count);
        Assert.Null(teams.Chart);
        var ledgerTotal = (await h.Stores.Ledger.GetTotalAsync(me.Id, branch.Cycle.Id, null, Ct)).Bonus;
        Assert.Equal(ledgerTotal, monthly.Months.Sum(m => m.Mine));
        // The median over the whole branch: with 500 members and 50 earners it stays 0; with one member it is that member.
        var roster = members + 1;
        Assert.All(monthly.Months, m => Assert.Equal(roster > 100 ? 0 : m.BranchMedian, m.BranchMedian));
        if (members == 1)
        {
            Assert.Equal([2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0], monthly.Months.Select(m => m.Mine));
            Assert.Equal([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0], monthly.Months.Select(m => m.BranchMedian));
        }

        Assert.Contains("1月 ", PointsTexts.Chinese.Months(monthly.Months), StringComparison.Ordinal);
        var chart = monthly.Chart!;
        Assert.Equal("image/png", chart.ContentType);
        var png = Convert.FromBase64String(chart.ContentUrl!["data:image/png;base64,".Length..]);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        Assert.Equal("IHDR"u8.ToArray(), png[12..16]);
        Assert.Equal((ChartRenderer.Width, ChartRenderer.Height), (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20))));
        Assert.InRange(png.Length, 3_000, 120_000);
        var artifacts = Path.Combine(SolutionFolder(), "artifacts");
        Directory.CreateDirectory(artifacts);
        await File.WriteAllBytesAsync(Path.Combine(artifacts, $"my-points-{members}.png"), png, Ct);
    }

    [Fact]
    public async Task TheChartIsDrawnOnceAndAgainWhenANewLedgerEntryMovesABar()
    {
        using var db = new TestDatabase(now: Utc(1, 5, 1));
        var h = await DigestHarness.CreateAsync(db);
        var branch = await h.Stores.CreateBranchAsync(["党员001", "党员002"]);
        await h.ApproveAtAsync(branch, branch[0], "volunteer_service", Utc(3, 6, 2), 2);
        using var renderer = new ChartRenderer(Microsoft.Extensions.Options.Options.Create(new NoticeOptions()));
        var charts = new PointsChartsAdapter(new ChartDataStore(db.Connections), renderer);
        var today = new DateOnly(2026, 11, 26);

        var first = (await charts.MonthlyAsync(branch[0], branch.Cycle, today, ReplyLanguage.Chinese, "webchat", Ct)).Chart!.ContentUrl;
        var again = (await charts.MonthlyAsync(branch[0], branch.Cycle, today, ReplyLanguage.Chinese, "webchat", Ct)).Chart!.ContentUrl;
        // The other member's chart shows other bars, and English other labels.
        var other = (await charts.MonthlyAsync(branch[1], branch.Cycle, today, ReplyLanguage.Chinese, "webchat", Ct)).Chart!.ContentUrl;
        var english = (await charts.MonthlyAsync(branch[0], branch.Cycle, today, ReplyLanguage.English, "webchat", Ct)).Chart!.ContentUrl;
        await h.ApproveAtAsync(branch, branch[0], "volunteer_service", Utc(10, 6, 2), 2);
        var moved = await charts.MonthlyAsync(branch[0], branch.Cycle, today, ReplyLanguage.Chinese, "webchat", Ct);

        Assert.Same(first, again);
        Assert.NotEqual(first, other);
        Assert.NotEqual(first, english);
        Assert.Equal(2, moved.Months.Single(m => m.Month == 10).Mine);
        Assert.NotEqual(first, moved.Chart!.ContentUrl);
        Assert.Equal(moved.Chart.ContentUrl, ChartAttachment.Png(renderer.Render(new BarChart(
            PointsTexts.Chinese.MonthsChartTitle,
            [.. moved.Months.Select(m => $"{m.Month}月")],
            [.. moved.Months.Select(m => m.Mine)],
            PointsTexts.Chinese.MonthsChartMine,
            [.. moved.Months.Select(m => m.BranchMedian)],
            PointsTexts.Chinese.MonthsChartMedian)), "my-points.png").ContentUrl);
    }

    [Fact]
    public void TheMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo()
    {
        Assert.Equal(0, PointsChartsAdapter.Median([]));
        Assert.Equal(3, PointsChartsAdapter.Median([5, 1, 3]));
        Assert.Equal(2.5, PointsChartsAdapter.Median([4, 1, 3, 2]));
    }

    private static string SolutionFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ChatReport.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("No ChatReport.sln above the tests.");
    }
}
