namespace ChatReport.Bench;

/// <summary>Hostile input to /api/messages and Direct Line (filled in below).</summary>
internal static class Fuzzer
{
    public static Task<int> RunAsync(BenchArgs args, CancellationToken cancellationToken) => Task.FromResult(2);
}
