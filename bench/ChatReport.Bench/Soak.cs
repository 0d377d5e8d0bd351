using System.Collections.Concurrent;
using System.Globalization;

namespace ChatReport.Bench;

/// <summary>
/// A steady rate for a long time: every 30 s a line with the window's turns/s and latency, RSS,
/// threads, open descriptors and database size. At the end, growth between the first and last
/// thirds of the run is flagged (exit 1) when it is more than noise.
/// </summary>
internal static class Soak
{
    public static async Task<int> RunAsync(BenchArgs args, CancellationToken cancellationToken)
    {
        var minutes = args.Double("--minutes", 10);
        var rate = args.Double("--rate", 50);
        var conversations = args.Int("--conversations", 32);
        var interval = TimeSpan.FromSeconds(args.Int("--sample-seconds", 30));
        var work = args.WorkFolder();
        var database = Path.Combine(work, "soak.db");
        var codes = await Seeder.CreateDatabaseAsync(args.BotDll, database, args.Int("--branches", 400), cancellationToken);

        await using var stub = new ConnectorStub();
        await stub.StartAsync();
        await using var bot = BotProcess.ChatReport(args.BotDll, database, Path.Combine(work, "soak.log"));
        await bot.StartAsync(cancellationToken);
        var window = new ConcurrentQueue<double>();
        var load = new FlowLoad(stub, () => bot.MessagesUrl, codes);
        Console.WriteLine($"soak: {rate} turns/s over {conversations} conversations for {minutes} min; pid {bot.Pid}; load average {Compare.LoadAverage()}");
        Console.WriteLine("| t s | turns/s | p50 ms | p99 ms | max ms | RSS MiB | peak MiB | threads | fds | db+wal MiB |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        var run = load.RunAsync(new LoadOptions(conversations, TimeSpan.FromMinutes(minutes), rate, OnTurn: window.Enqueue), cancellationToken);
        var samples = new List<(double P99, ProcessSample Process, double DbMb)>();
        var started = DateTime.UtcNow;
        while (!run.IsCompleted)
        {
            await Task.WhenAny(run, Task.Delay(interval, cancellationToken));
            var taken = new List<double>();
            while (window.TryDequeue(out var l))
            {
                taken.Add(l);
            }

            taken.Sort();
            var process = bot.Sample();
            var dbMb = (Size(database) + Size(database + "-wal")) / 1048576.0;
            double P(double p) => taken.Count == 0 ? double.NaN : taken[Math.Min(taken.Count - 1, (int)Math.Ceiling(p * taken.Count) - 1)];
            samples.Add((P(0.99), process, dbMb));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {(DateTime.UtcNow - started).TotalSeconds:F0} | {taken.Count / interval.TotalSeconds:F1} | {P(0.5):F1} | {P(0.99):F1} | {(taken.Count == 0 ? double.NaN : taken[^1]):F1} | {process.RssMb:F0} | {process.PeakRssMb:F0} | {process.Threads} | {process.OpenFds} | {dbMb:F1} |"));
        }

        var result = await run;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"soak: {result.Turns} turns, {result.Flows} flows, {result.SubmitsConfirmed} claims, {result.Errors} errors; p50 {result.Percentile(0.5):F1} ms, p99 {result.Percentile(0.99):F1} ms, p99.9 {result.Percentile(0.999):F1} ms"));
        var db = await DatabaseCheck.RunAsync(database, cancellationToken);
        db.Print();
        var flags = Growth(samples);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"database growth: {samples[^1].DbMb - samples[0].DbMb:F1} MiB over {result.Flows} flows ({(samples[^1].DbMb - samples[0].DbMb) * 1048576 / Math.Max(1, result.Turns):F0} bytes per turn)"));
        Console.WriteLine(flags.Count == 0 ? "soak: no growth in latency, RSS, threads or descriptors" : "soak flags:\n  " + string.Join("\n  ", flags));
        return flags.Count == 0 && db.Problems.Count == 0 && result.Errors == 0 ? 0 : 1;
    }

    private static long Size(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;

    /// <summary>Compares the middle of the first third with the last third (the first sample is warm-up).</summary>
    private static List<string> Growth(List<(double P99, ProcessSample Process, double DbMb)> samples)
    {
        var flags = new List<string>();
        if (samples.Count < 6)
        {
            flags.Add($"only {samples.Count} samples: too short to judge growth");
            return flags;
        }

        var third = samples.Count / 3;
        var early = samples.Skip(1).Take(third).ToList();
        var late = samples.Skip(samples.Count - third).ToList();
        void Check(string what, Func<(double P99, ProcessSample Process, double DbMb), double> value, double factor, double slack)
        {
            var before = early.Average(value);
            var after = late.Average(value);
            if (after > before * factor + slack)
            {
                flags.Add(string.Create(CultureInfo.InvariantCulture, $"{what} grew from {before:F1} to {after:F1}"));
            }
        }

        Check("p99 latency ms", s => s.P99, 2.0, 5);
        Check("RSS MiB", s => s.Process.RssMb, 1.25, 10);
        Check("threads", s => s.Process.Threads, 1.0, 8);
        Check("open fds", s => s.Process.OpenFds, 1.0, 16);
        return flags;
    }
}
