using System.Buffers.Binary;
using System.Text.Json;
using ChatReport.Bot.Charts;
using ChatReport.Bot.Digests;
using ChatReport.Bot.Notices;
using ChatReport.Bot.Tests.Digests;
using ChatReport.Bot.Tests.Storage;
using static ChatReport.Bot.Tests.Digests.DigestHarness;

namespace ChatReport.Bot.Tests.Charts;

/// <summary>
/// The evening digest's chart of the month's points by day, over the real ledger and the real
/// dispatcher, for an empty, a one-member and a 500-member branch.
/// </summary>
public sealed class DigestChartTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(500)]
    public async Task TheDigestCarriesThePhoneSizedChartOfTheMonthWithTheSameNumbersInWords(int members)
    {
        using var db = new TestDatabase(now: Utc(10, 31, 1));
        var h = await DigestHarness.CreateAsync(db, new DigestOptions { SkipEmptyDays = false, RetryDelay = TimeSpan.FromSeconds(1), MaxAttempts = 3 });
        var branch = await h.Stores.CreateBranchAsync([.. Enumerable.Range(1, members).Select(i => $"党员{i:000}")]);
        var webChat = await h.AddGroupAsync(branch.Unit.Id, "group-webchat");
        var teams = await h.AddGroupAsync(branch.Unit.Id, "group-teams", "msteams");
        var dingTalk = await h.AddGroupAsync(branch.Unit.Id, "group-dingtalk", "dingtalk", "en-US");

        // A deed done in October and approved in November counts in October, not on the chart.
        var expected = new int[26];
        if (members > 0)
        {
            db.Time.SetUtcNow(Utc(11, 1, 2));
            await h.Stores.ApproveAsync(await h.Stores.SubmitAsync(branch[0], "volunteer_service", new DateOnly(2026, 10, 30), 3), branch.Secretary);
        }

        // The first 60 members (or fewer) each do a deed on day i % 26 + 1 of November, worth 1 to 3 points.
        var earners = branch.Members.Take(60).Select((m, i) => (Member: m, Day: (i % 26) + 1, Points: (i % 3) + 1)).OrderBy(e => e.Day).ToList();
        var minute = 0;
        foreach (var (member, day, points) in earners)
        {
            await h.ApproveAtAsync(branch, member, "volunteer_service", Utc(11, day, 2, minute++ % 60), points);
            expected[day - 1] += points;
        }

        using var renderer = new ChartRenderer(Microsoft.Extensions.Options.Options.Create(new NoticeOptions()));
        db.Time.SetUtcNow(Utc(11, 26, 12, 1));
        var report = await h.NewDispatcher(charts: new DigestChart(renderer)).RunDueAsync(Ct);

        Assert.Equal(3, report.Sent);
        var month = DigestTexts.Chinese.MonthDays(new DateOnly(2026, 11, 1), expected);
        Assert.StartsWith(members == 0 ? "本月还没有积分。" : $"1日 +{expected[0]}", month, StringComparison.Ordinal);
        var sent = Assert.Single(h.Messenger.To(webChat));
        Assert.Contains("11月每日积分（按做好事的日子）\n" + month, sent.Text, StringComparison.Ordinal);
        var png = ImageOf(sent.Card!.Value);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        Assert.Equal("IHDR"u8.ToArray(), png[12..16]);
        Assert.Equal((ChartRenderer.Width, ChartRenderer.Height), (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20))));
        Assert.InRange(png.Length, 3_000, 120_000);

        // Teams gets the picture in its card within its message size; DingTalk's robot takes no inline picture, so words only.
        var teamsPng = ImageOf(Assert.Single(h.Messenger.To(teams)).Card!.Value);
        Assert.Equal("IHDR"u8.ToArray(), teamsPng[12..16]);
        Assert.InRange(BinaryPrimitives.ReadInt32BigEndian(teamsPng.AsSpan(16)), 540, ChartRenderer.Width);
        Assert.InRange(teamsPng.Length, 3_000, DigestChart.MaxTeamsBytes);
        var plain = Assert.Single(h.Messenger.To(dingTalk));
        Assert.Null(plain.Activity.Attachments);
        Assert.Contains(DigestTexts.English.MonthDays(new DateOnly(2026, 11, 1), expected), plain.Text, StringComparison.Ordinal);

        var artifacts = Path.Combine(SolutionFolder(), "artifacts");
        Directory.CreateDirectory(artifacts);
        await File.WriteAllBytesAsync(Path.Combine(artifacts, $"digest-chart-{members}.png"), png, Ct);
    }

    private static byte[] ImageOf(JsonElement card)
    {
        var image = Assert.Single(card.GetProperty("body").EnumerateArray(), e => e.GetProperty("type").GetString() == "Image");
        var url = image.GetProperty("url").GetString()!;
        Assert.StartsWith("data:image/png;base64,", url, StringComparison.Ordinal);
        return Convert.FromBase64String(url["data:image/png;base64,".Length..]);
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
