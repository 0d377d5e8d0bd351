using ChatReport.Bot.Tests.Digests;
using ChatReport.Bot.Tests.Storage;
using ChatReport.Conversation.Domain;

namespace ChatReport.Bot.Tests.DirectLine;

/// <summary>
/// The real bot behind the Web Chat page in Debian's Chromium (tests/directline/webchat-rendering.test.mjs):
/// the ranking with a tie, help, my points and the group digest must read in the browser as the
/// bot wrote them. Screenshots land in tests/directline/artifacts/.
/// </summary>
[Collection(nameof(RunsAlone))]
public sealed class WebChatRenderingTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task RankingHelpPointsAndDigestRenderAsWrittenInChromium()
    {
        if (!File.Exists(Chromium))
        {
            Assert.False(string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase), $"{Chromium} is missing on CI");
            Assert.Skip($"{Chromium} is not installed (apt-get install -y chromium).");
        }

        var ct = TestContext.Current.CancellationToken;
        using var db = new TestDatabase(now: DateTimeOffset.UtcNow);
        var h = await DigestHarness.CreateAsync(db);
        // 王芳 and 李四 tie for the quarter's first place; 张_三* and 赵#六 carry Markdown characters in their names.
        var branch = await h.Stores.CreateBranchAsync("王芳", "李四", "张_三*", "赵#六");
        var today = LocalCalendar.ToLocalDate(db.Time.GetUtcNow(), "Asia/Shanghai");
        await h.Stores.Cycles.EnsureCycleAsync(today.Year, ct);
        foreach (var (member, points) in new[] { (branch[0], 5), (branch[1], 5), (branch[2], 2) })
        {
            var claim = await h.Stores.SubmitAsync(member, "volunteer_service", today, points, "敬老院志愿服务");
            await h.Stores.ApproveAsync(claim, branch.Secretary);
        }

        await h.Stores.Members.LinkAccountAsync(branch[0].Id, "directline", "wangfang", "王芳", ct);
        await h.Stores.Members.LinkAccountAsync(branch.Secretary.Id, "directline", "secretary", "李书记", ct);

        await using var app = new DirectLineApplication(
            databasePath: db.Path,
            withBot: false,
            settings: new Dictionary<string, string?>
            {
                // Every minute, and on a day without news too, so the group sees its digest while the browser waits.
                ["Digest:Schedule"] = "* * * * *",
                ["Digest:SkipEmptyDays"] = "false",
            });

        var (exitCode, output) = await NodeTestRun.RunAsync(
            "webchat-rendering.test.mjs",
            new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["CHATREPORT_URL"] = app.BaseAddress.ToString(),
                ["CHATREPORT_CHROMIUM"] = Chromium,
            },
            ct);

        TestContext.Current.TestOutputHelper?.WriteLine(output);
        Assert.True(exitCode == 0, $"node --test webchat-rendering.test.mjs exited with {exitCode}:\n{output}");
        Assert.Matches(@"(?m)^\S+ pass 4$", output);
        Assert.True(File.Exists(Path.Combine(NodeTestRun.Folder, "artifacts", "webchat-ranking.png")), "no screenshot of the ranking was saved");
    }
}
