namespace ChatReport.Bench;

/// <summary>SIGKILL under load (filled in below).</summary>
internal static class CrashCheck
{
    public static Task<int> RunAsync(BenchArgs args, CancellationToken cancellationToken) => Task.FromResult(2);
}
