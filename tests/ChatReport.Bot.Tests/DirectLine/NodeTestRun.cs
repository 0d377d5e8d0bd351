using System.Diagnostics;

using ChatReport.Bot.Tests.Support;

namespace ChatReport.Bot.Tests.DirectLine;

/// <summary>Runs <c>node --test</c> on one file of tests/directline and collects everything it prints.</summary>
public static class NodeTestRun
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(4);

    /// <summary>tests/directline, found by walking up from the test assembly to the solution.</summary>
    public static string Folder { get; } = FindFolder();

    public static Task<(int ExitCode, string Output)> RunAsync(string testFile, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken) =>
        RunAsync(Folder, testFile, environment, cancellationToken);

    /// <summary>Runs <c>node --test</c> on one file of another Node suite under tests/ (e.g. tests/wechat-crypto).</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string folder, string testFile, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = folder };
        start.ArgumentList.Add("--test");
        start.ArgumentList.Add("--test-reporter=spec");
        start.ArgumentList.Add(testFile);
        start.Environment["PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD"] = "1";
        start.Environment["NO_COLOR"] = "1";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var run = await ChildProcess.RunAsync(start, Limit, cancellationToken);
        return (run.ExitCode, run.Everything);
    }

    /// <summary>A folder under tests/, found like <see cref="Folder"/>.</summary>
    public static string TestsFolder(string name) => Path.Combine(Path.GetDirectoryName(Folder)!, name);

    private static string FindFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ChatReport.sln")))
            {
                return Path.Combine(directory.FullName, "tests", "directline");
            }
        }

        throw new InvalidOperationException($"No ChatReport.sln above {AppContext.BaseDirectory}");
    }
}
