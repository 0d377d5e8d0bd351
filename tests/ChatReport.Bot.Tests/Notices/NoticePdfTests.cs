using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using ChatReport.Bot.Cli;
using ChatReport.Bot.Notices;
using ChatReport.Bot.Tests.Digests;
using ChatReport.Bot.Tests.Storage;
using ChatReport.Bot.Tests.Support;
using ChatReport.Conversation.Domain;
using ChatReport.Conversation.Notices;
using Microsoft.Extensions.DependencyInjection;
using static ChatReport.Bot.Tests.Digests.DigestHarness;

namespace ChatReport.Bot.Tests.Notices;

/// <summary>
/// The printable notice read back with poppler (pdftotext, pdfinfo, pdftoppm; .ci/run installs
/// poppler-utils and fonts-wqy-microhei): a branch of 150 members, every figure checked against
/// the ledger, every page with its footer; page 1 kept as artifacts/notice-page1.png.
/// </summary>
public sealed partial class NoticePdfTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ThePdfOfA150MemberBranchCarriesEveryMembersFiguresTheObjectionPeriodAndTheSignOffOnNumberedPages()
    {
        SkipWithoutPoppler();
        using var db = new TestDatabase(now: Utc(7, 1, 1));
        var h = await DigestHarness.CreateAsync(db);
        // The secretary and 149 members; names of several lengths, one (20 characters, the most a name may have) far too long for its cell.
        var names = Enumerable.Range(1, 149).Select(i => i == 77 ? "欧阳长名字测试超长姓名一二三四五六七八九" : $"党员{i:000}").ToArray();
        var branch = await h.Stores.CreateBranchAsync(names);
        var absent = await h.Stores.RuleAsync("absent_without_reason");
        for (var i = 0; i < 60; i++)
        {
            // Points in steps of 5 on 60 members make many ties; every seventh also loses 5.
            await h.ApproveAtAsync(branch, branch[i], "volunteer_service", Utc(7, 2, 2).AddHours(30 * i), 5 * (1 + (i % 4)), "志愿服务");
            if (i % 7 == 0)
            {
                await h.Stores.Ledger.RecordDeductionAsync(new DeductionRequest(branch[i].Id, 5, "无故缺席", branch.Secretary.Id, new DateOnly(2026, 9, 10), absent.Id), Ct);
            }
        }

        db.Time.SetUtcNow(Utc(10, 5, 2));
        Assert.Equal(NoticeSignOffStatus.SignedOff, (await h.NewNoticeService().SignOffAsync(branch.Unit.Id, 2026, 3, branch.Secretary.Id, Ct)).Status);

        var pdf = Path.Combine(Path.GetDirectoryName(db.Path)!, "notice.pdf");
        await using (var app = new ChatReportApplication().WithSetting("ConnectionStrings:ChatReport", $"Data Source={db.Path}"))
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            var code = await app.Services.GetRequiredService<CliCommands>().RunAsync(
                ["export-notice", "--unit", branch.Unit.Id.ToString(CultureInfo.InvariantCulture), "--quarter", "2026Q3", "--format", "pdf", "--out", pdf], output, error, Ct);
            Assert.True(code == CliExitCode.Success, error.ToString());
        }

        var bytes = await File.ReadAllBytesAsync(pdf, Ct);
        Assert.Equal("%PDF-"u8.ToArray(), bytes[..5]);
        Assert.InRange(bytes.Length, 10_000, 400_000);
        var info = await RunAsync("pdfinfo", pdf);
        Assert.Matches(@"(?m)^Page size:\s+595(\.\d+)? x 842(\.\d+)? pts \(A4\)", info);
        var pageCount = int.Parse(PagesLine().Match(info).Groups[1].Value, CultureInfo.InvariantCulture);
        var fonts = await RunAsync("pdffonts", pdf);
        Assert.Matches(@"CID TrueType\s+Identity-H\s+yes\s+yes\s+yes", fonts);

        var artifacts = Path.Combine(SolutionFolder(), "artifacts");
        Directory.CreateDirectory(artifacts);
        File.Copy(pdf, Path.Combine(artifacts, "notice.pdf"), overwrite: true);
        var extracted = await RunAsync("pdftotext", "-layout", "-enc", "UTF-8", pdf, "-");
        await File.WriteAllTextAsync(Path.Combine(artifacts, "notice.txt"), extracted, Ct);
        var pages = extracted.Split('\f').Where(p => p.Trim().Length > 0).ToList();
        Assert.Equal(pageCount, pages.Count);
        Assert.InRange(pageCount, 4, 6);
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.Contains($"山岔村党支部2026年第3季度积分公示第{i + 1}页/共{pageCount}页", Squeeze(pages[i]), StringComparison.Ordinal);
        }

        var text = Squeeze(string.Join('\n', pages));
        Assert.Contains("山岔村党支部2026年第3季度党员积分公示", text, StringComparison.Ordinal);
        Assert.Contains("积分期间：2026年7月1日至2026年9月30日", text, StringComparison.Ordinal);
        Assert.Contains("公示期：2026年10月6日至2026年10月12日", text, StringComparison.Ordinal);
        Assert.Contains("异议姓名原因", text, StringComparison.Ordinal);
        Assert.Contains("支部书记：李书记（签字确认）2026年10月5日", text, StringComparison.Ordinal);

        // Every member's line, against the ledger: base, bonus and deductions of the quarter, the cycle's total, and the competition rank.
        var printed = RowLine().Matches(string.Join('\n', pages)).ToDictionary(m => m.Groups["name"].Value, m => m);
        var everyone = branch.Members.Prepend(branch.Secretary).ToList();
        Assert.Equal(150, everyone.Count);
        var expected = new List<(Member Member, PointsBreakdown Quarter, int Total)>();
        foreach (var member in everyone)
        {
            expected.Add((member, await h.Stores.Ledger.GetTotalAsync(member.Id, branch.Cycle.Id, 3, Ct), (await h.Stores.Ledger.GetTotalAsync(member.Id, branch.Cycle.Id, null, Ct)).Total));
        }

        foreach (var (member, quarter, total) in expected)
        {
            var name = member.DisplayName.Length > 10 ? member.DisplayName[..4] : member.DisplayName;
            var row = printed.Single(p => p.Key.StartsWith(name, StringComparison.Ordinal)).Value;
            var rank = 1 + expected.Count(e => e.Total > total);
            Assert.Equal(
                (rank, quarter.Base, quarter.Bonus, quarter.Deduction, quarter.Total, total),
                (Int(row, "rank"), Int(row, "base"), Int(row, "added"), Int(row, "deducted"), Int(row, "quarter"), Int(row, "year")));
        }

        Assert.Equal(150, printed.Count);
        Assert.Contains(printed.Keys, k => k.EndsWith('…'));

        var png = Path.Combine(artifacts, "notice-page1");
        await RunAsync("pdftoppm", "-png", "-r", "110", "-f", "1", "-l", "1", "-singlefile", pdf, png);
        var image = await File.ReadAllBytesAsync(png + ".png", Ct);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, image[..4]);
    }

    [Fact]
    public void ACollectionGivesItsFirstFaceAndCffOrJunkGiveNothing()
    {
        var cff = "OTTO"u8.ToArray().Concat(new byte[20]).ToArray();
        var ttf = new byte[] { 0, 1, 0, 0 }.Concat(new byte[20]).ToArray();

        Assert.Null(NoticeFont.FirstFace(cff));
        Assert.Null(NoticeFont.FirstFace([1, 2, 3]));
        Assert.Null(NoticeFont.FirstFace("ttcf"u8.ToArray().Concat(new byte[] { 0, 1, 0, 0, 0, 0, 0, 1, 0x7F, 0, 0, 0 }).ToArray()));
        Assert.Same(ttf, NoticeFont.FirstFace(ttf));
    }

    [Fact]
    public void TheInstalledChineseFontGivesATrueTypeFace()
    {
        var font = NoticeFont.Find(null);
        if (font is null)
        {
            Assert.Skip("No Chinese font is installed (.ci/run installs one).");
        }

        Assert.Equal(0x00010000u, System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(font.Face));
    }

    private static int Int(Match row, string group) => int.Parse(row.Groups[group].Value, CultureInfo.InvariantCulture);

    // pdftotext spaces Chinese and digits as their positions suggest; the words are what count.
    private static string Squeeze(string text) => Regex.Replace(text, @"\s+", "");

    private static void SkipWithoutPoppler()
    {
        if (File.Exists("/usr/bin/pdftotext") && NoticeFont.Find(null) is not null)
        {
            return;
        }

        Assert.False(string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase), "poppler-utils or fonts-wqy-microhei is missing on CI");
        Assert.Skip("pdftotext (poppler-utils) or a Chinese TrueType font (fonts-wqy-microhei) is not installed.");
    }

    private static async Task<string> RunAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var run = await ChildProcess.RunAsync(start, TimeSpan.FromMinutes(1), Ct);
        Assert.True(run.ExitCode == 0, $"{tool} exited with {run.ExitCode}: {run.Errors}");
        return run.Output;
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

    [GeneratedRegex(@"(?m)^Pages:\s+(\d+)")]
    private static partial Regex PagesLine();

    [GeneratedRegex(@"(?m)^\s*(?<rank>\d+)\s+(?<name>\S+)\s+(?<base>-?\d+)\s+(?<added>-?\d+)\s+(?<deducted>-?\d+)\s+(?<quarter>-?\d+)\s+(?<year>-?\d+)\s*$")]
    private static partial Regex RowLine();
}
