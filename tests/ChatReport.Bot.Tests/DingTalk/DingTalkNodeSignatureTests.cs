using System.Diagnostics;
using System.Text.Json;
using ChatReport.Bot.Channels.DingTalk;

using ChatReport.Bot.Tests.Support;

namespace ChatReport.Bot.Tests.DingTalk;

/// <summary>
/// Node's crypto (tests/dingtalk/sign.test.mjs) recomputes the signatures ChatReport makes for
/// callbacks and custom robot webhooks: an implementation we did not write.
/// </summary>
public sealed class DingTalkNodeSignatureTests
{
    [Fact]
    public async Task NodesCryptoComputesTheSameSignatures()
    {
        var random = new Random(20261204);
        var secrets = new[] { DingTalkStub.AppSecret, DingTalkStub.RobotSecret, "this is secret", "测试secret", "密钥 with spaces\tand tabs", "😀 emoji", "" };
        var vectors = new List<object>();
        foreach (var secret in secrets)
        {
            for (var i = 0; i < 3; i++)
            {
                var timestamp = DingTalkSignature.Timestamp(DateTimeOffset.FromUnixTimeMilliseconds(1_500_000_000_000 + random.NextInt64(400_000_000_000)));
                var sign = DingTalkSignature.Compute(timestamp, secret);
                vectors.Add(new { timestamp, secret, sign, urlSign = Uri.EscapeDataString(sign) });
            }
        }

        var (exitCode, output) = await RunNodeAsync(JsonSerializer.Serialize(vectors), TestContext.Current.CancellationToken);

        Assert.True(exitCode == 0, $"node --test sign.test.mjs exited with {exitCode}:\n{output}");
        Assert.Matches(@"(?m)^\S+ pass 4$", output);
    }

    private static async Task<(int ExitCode, string Output)> RunNodeAsync(string vectors, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = Folder() };
        start.ArgumentList.Add("--test");
        start.ArgumentList.Add("--test-reporter=spec");
        start.ArgumentList.Add("sign.test.mjs");
        start.Environment["DINGTALK_VECTORS"] = vectors;
        start.Environment["NO_COLOR"] = "1";
        var run = await ChildProcess.RunAsync(start, TimeSpan.FromMinutes(2), cancellationToken);
        return (run.ExitCode, run.Everything);
    }

    private static string Folder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ChatReport.sln")))
            {
                return Path.Combine(directory.FullName, "tests", "dingtalk");
            }
        }

        throw new InvalidOperationException($"No ChatReport.sln above {AppContext.BaseDirectory}");
    }
}
