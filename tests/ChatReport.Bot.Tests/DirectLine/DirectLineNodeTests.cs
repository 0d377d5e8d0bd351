namespace ChatReport.Bot.Tests.DirectLine;

/// <summary>
/// The official JavaScript clients against the real host on a real port: botframework-directlinejs
/// (tests/directline/directline.test.mjs) and the Web Chat page in Debian's Chromium
/// (webchat.test.mjs, screenshot in tests/directline/artifacts/), and the sign-in page on a phone
/// with WeChat's user agent (signin.test.mjs).
/// </summary>
[Collection(nameof(RunsAlone))]
public sealed class DirectLineNodeTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task TheOfficialDirectLineClientTalksToTheChannel()
    {
        await using var app = new DirectLineApplication();

        var (exitCode, output) = await NodeTestRun.RunAsync("directline.test.mjs", Environment(app), TestContext.Current.CancellationToken);

        Assert.True(exitCode == 0, $"node --test directline.test.mjs exited with {exitCode}:\n{output}");
        AssertAllRan(output);
    }

    [Fact]
    public async Task TheWebChatPageInChromiumShowsTheBotsAnswer()
    {
        if (!File.Exists(Chromium))
        {
            // CI installs Debian's chromium (.ci/run); there a missing browser is a failure.
            Assert.False(string.Equals(System.Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase), $"{Chromium} is missing on CI");
            Assert.Skip($"{Chromium} is not installed (apt-get install -y chromium); the browser test needs Debian's Chromium.");
        }

        await using var app = new DirectLineApplication();

        var (exitCode, output) = await NodeTestRun.RunAsync("webchat.test.mjs", Environment(app), TestContext.Current.CancellationToken);

        Assert.True(exitCode == 0, $"node --test webchat.test.mjs exited with {exitCode}:\n{output}");
        AssertAllRan(output);
        Assert.True(File.Exists(Path.Combine(NodeTestRun.Folder, "artifacts", "webchat.png")), "no screenshot was saved");
    }

    [Fact]
    public async Task TheSignInPageWorksOnAPhoneInWeChatsBrowser()
    {
        if (!File.Exists(Chromium))
        {
            Assert.False(string.Equals(System.Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase), $"{Chromium} is missing on CI");
            Assert.Skip($"{Chromium} is not installed (apt-get install -y chromium); the browser test needs Debian's Chromium.");
        }

        // The database's throttle, not the per-minute limit, is what the page's guessing test meets.
        await using var world = await Identity.SignInWorld.CreateAsync(new Dictionary<string, string?> { ["WebChat:SignInPermitsPerMinute"] = "100" });
        var environment = Environment(world.App);
        environment["CHATREPORT_JOIN_CODE"] = world.Code;
        environment["CHATREPORT_OTHER_JOIN_CODE"] = world.OtherCode;

        var (exitCode, output) = await NodeTestRun.RunAsync("signin.test.mjs", environment, TestContext.Current.CancellationToken);

        Assert.True(exitCode == 0, $"node --test signin.test.mjs exited with {exitCode}:\n{output}");
        AssertAllRan(output);
        Assert.True(File.Exists(Path.Combine(NodeTestRun.Folder, "artifacts", "signin-phone.png")), "no screenshot was saved");
    }

    // The spec reporter closes with "ℹ tests 7", "ℹ pass 7", "ℹ fail 0", "ℹ skipped 0"…: a run
    // that skipped everything (no CHATREPORT_URL) or failed quietly must not pass.
    private static void AssertAllRan(string output)
    {
        TestContext.Current.TestOutputHelper?.WriteLine(output);
        var tests = Count(output, "tests");
        Assert.True(tests > 0, $"node ran no test:\n{output}");
        Assert.True(Count(output, "pass") == tests, $"not every node test passed:\n{output}");
    }

    private static int Count(string output, string label)
    {
        var match = System.Text.RegularExpressions.Regex.Match(output, $@"^\S+ {label} (\d+)$", System.Text.RegularExpressions.RegexOptions.Multiline);
        return match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : -1;
    }

    private static Dictionary<string, string> Environment(DirectLineApplication app) => new(StringComparer.Ordinal)
    {
        ["CHATREPORT_URL"] = app.BaseAddress.ToString(),
        ["CHATREPORT_DIRECTLINE_SECRET"] = DirectLineApplication.Secret,
        ["CHATREPORT_HELP_REPLY"] = FakeBot.HelpReply,
        ["CHATREPORT_CHROMIUM"] = Chromium,
    };
}
