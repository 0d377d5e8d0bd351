using System.Globalization;

namespace ChatReport.Bench;

/// <summary>
/// ChatReport next to the botbuilder-js peer: the same member flow, the same load generator and
/// Connector stub, one fresh process per bot and level (so VmHWM is that level's peak), the two
/// bots alternating level by level so that noise from other work on the machine hits both.
/// </summary>
internal static class Compare
{
    public static async Task<int> RunAsync(BenchArgs args, CancellationToken cancellationToken)
    {
        var levels = args.Ints("--levels", "1,16,64,256");
        var seconds = args.Int("--seconds", 25);
        var warmup = args.Int("--warmup", 5);
        var branches = args.Int("--branches", 400);
        var peer = Path.GetFullPath(args.Text("--peer", "bench/peer"));
        var flowName = args.Text("--flow", "member");
        var help = string.Equals(flowName, "help", StringComparison.Ordinal);
        // With a server (an Npgsql connection string whose role may create databases), ChatReport
        // also runs on PostgreSQL, as one instance and as two sharing the database and the load.
        var postgres = args.Option("--postgres");
        string[] bots = postgres is null ? ["ChatReport", "SDK"] : ["ChatReport", OnePostgres, TwoPostgres, "SDK"];
        Func<string, string[]>? flow = help ? MemberFlow.HelpTexts
            : string.Equals(flowName, "distinct", StringComparison.Ordinal) ? MemberFlow.DistinctTexts
            : null;
        var work = args.WorkFolder();

        var template = Path.Combine(work, "template.db");
        var codes = await Seeder.CreateDatabaseAsync(args.BotDll, template, branches, cancellationToken);
        var codesFile = Path.Combine(work, "codes.json");
        await Seeder.WriteCodesFileAsync(codesFile, codes, cancellationToken);

        await using var stub = new ConnectorStub();
        await stub.StartAsync();
        Console.WriteLine($"{(help ? "Help round trip (6 × 帮助)" : flow is null ? "Member flow (6 turns)" : "Member flow (6 turns), a distinct report sentence per flow")}, {seconds} s per level after {warmup} s warm-up, loopback, authentication off, {Environment.ProcessorCount} cores, load average {LoadAverage()}");
        var rows = new List<(int Level, string Bot, LoadResult Result, ProcessSample Sample)>();
        var commits = new List<string>();
        foreach (var level in levels)
        {
            foreach (var name in bots)
            {
                var database = Path.Combine(work, $"chatreport-c{level}.db");
                if (name == "ChatReport")
                {
                    File.Delete(database + "-wal");
                    File.Delete(database + "-shm");
                    File.Copy(template, database, overwrite: true);
                }

                var instances = new List<BotProcess>();
                if (name == "SDK")
                {
                    instances.Add(BotProcess.Sdk(peer, codesFile, Path.Combine(work, $"sdk-c{level}.log")));
                }
                else if (postgres is not null && name != "ChatReport")
                {
                    var count = name == TwoPostgres ? 2 : 1;
                    var target = await BenchPostgres.CreateFromAsync(args.BotDll, postgres, template, $"chatreport_bench_c{level}_{count}", cancellationToken);
                    for (var i = 1; i <= count; i++)
                    {
                        instances.Add(BotProcess.ChatReport(args.BotDll, database, Path.Combine(work, $"chatreport-pg{count}-{i}-c{level}.log"),
                            "--Storage:Provider=PostgreSql", $"--ConnectionStrings:ChatReport={target}", $"--Storage:Instances={count}"));
                    }
                }
                else
                {
                    instances.Add(BotProcess.ChatReport(args.BotDll, database, Path.Combine(work, $"chatreport-c{level}.log")));
                }

                LoadResult warm;
                LoadResult result;
                ProcessSample sample;
                try
                {
                    foreach (var instance in instances)
                    {
                        await instance.StartAsync(cancellationToken);
                    }

                    // Two instances take turns as a balancer would hand them out, one request each.
                    var next = 0;
                    var load = new FlowLoad(stub, () => instances[(int)((uint)Interlocked.Increment(ref next) % instances.Count)].MessagesUrl, codes, flow);
                    warm = await load.RunAsync(new LoadOptions(Math.Min(level, 16), TimeSpan.FromSeconds(warmup)), cancellationToken);
                    result = await load.RunAsync(new LoadOptions(level, TimeSpan.FromSeconds(seconds)), cancellationToken);
                    sample = instances[0].Sample();
                }
                finally
                {
                    foreach (var instance in instances)
                    {
                        await instance.StopAsync();
                        await instance.DisposeAsync();
                    }
                }

                if (name == "ChatReport" && GroupCommitLine.Read(Path.Combine(work, $"chatreport-c{level}.log")) is { } line)
                {
                    // Every commit is one fsync (synchronous=FULL); the turns include the warm-up's.
                    commits.Add(string.Create(CultureInfo.InvariantCulture,
                        $"| {level} | {warm.Turns + result.Turns} | {line.Commits} | {line.Units} | {(double)line.Commits / (warm.Turns + result.Turns):F3} |"));
                }
                rows.Add((level, name, result, sample));
                Console.WriteLine(Row(level, name, result, sample));
            }
        }

        Console.WriteLine();
        Console.WriteLine("| conversations | bot | turns/s | p50 ms | p99 ms | p99.9 ms | peak RSS MiB | turns | errors | claims |");
        Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (level, name, result, sample) in rows)
        {
            Console.WriteLine(Row(level, name, result, sample));
        }

        Console.WriteLine();
        Console.WriteLine("ChatReport ÷ SDK (turns/s: higher is better; latency and RSS: lower is better)");
        Console.WriteLine();
        Console.WriteLine("| conversations | turns/s | p50 | p99 | p99.9 | peak RSS |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
        foreach (var level in levels)
        {
            var ours = rows.Single(r => r.Level == level && r.Bot == "ChatReport");
            var theirs = rows.Single(r => r.Level == level && r.Bot == "SDK");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {level} | {ours.Result.TurnsPerSecond / theirs.Result.TurnsPerSecond:F2} | {ours.Result.Percentile(0.5) / theirs.Result.Percentile(0.5):F2} | {ours.Result.Percentile(0.99) / theirs.Result.Percentile(0.99):F2} | {ours.Result.Percentile(0.999) / theirs.Result.Percentile(0.999):F2} | {ours.Sample.PeakRssMb / theirs.Sample.PeakRssMb:F2} |"));
        }

        Console.WriteLine();
        Console.WriteLine("ChatReport's commits (one fsync each) against the turns it answered");
        Console.WriteLine();
        Console.WriteLine("| conversations | turns | commits | units | commits per turn |");
        Console.WriteLine("|---:|---:|---:|---:|---:|");
        commits.ForEach(Console.WriteLine);

        Console.WriteLine();
        Console.WriteLine($"load average after: {LoadAverage()}; work folder {work}");
        return rows.Any(r => r.Result.Errors > 0 || r.Result.Apologies > 0 || (!help && r.Result.SubmitsConfirmed == 0)) ? 1 : 0;
    }

    private const string OnePostgres = "ChatReport PostgreSQL";
    private const string TwoPostgres = "ChatReport PostgreSQL ×2";

    public static string LoadAverage() => File.ReadAllText("/proc/loadavg").Trim();

    private static string Row(int level, string name, LoadResult r, ProcessSample s) => string.Create(CultureInfo.InvariantCulture,
        $"| {level} | {name} | {r.TurnsPerSecond:F0} | {r.Percentile(0.5):F1} | {r.Percentile(0.99):F1} | {r.Percentile(0.999):F1} | {s.PeakRssMb:F0} | {r.Turns} | {r.Errors} | {r.SubmitsConfirmed} |");
}
