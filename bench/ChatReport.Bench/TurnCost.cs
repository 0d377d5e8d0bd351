using System.Globalization;

namespace ChatReport.Bench;

/// <summary>
/// What a member turn costs in work, not in time: ChatReport alone (no peer), driven by the member
/// flow at a few conversations, with the bot process's CPU time (utime + stime from /proc) read
/// before and after a run and divided by the turns it answered. CPU time per turn barely moves
/// with other load on the machine, where turns/s does. Flows cut short after their first k turns
/// (<c>--prefixes 2,3,4,5,6</c>) give each turn's own cost by difference: join and confirm, then
/// report, skip photo, submit, my points.
/// </summary>
internal static class TurnCost
{
    public static async Task<int> RunAsync(BenchArgs args, CancellationToken cancellationToken)
    {
        var level = args.Int("--level", 4);
        var seconds = args.Int("--seconds", 8);
        var warmup = args.Int("--warmup", 5);
        var prefixes = args.Ints("--prefixes", "6");
        var distinct = string.Equals(args.Text("--flow", "distinct"), "distinct", StringComparison.Ordinal);
        Func<string, string[]> flow = distinct ? MemberFlow.DistinctTexts : MemberFlow.Texts;
        var work = args.WorkFolder();

        var database = Path.Combine(work, "chatreport.db");
        var codes = await Seeder.CreateDatabaseAsync(args.BotDll, database, args.Int("--branches", 400), cancellationToken);
        await using var stub = new ConnectorStub();
        await stub.StartAsync();
        await using var bot = BotProcess.ChatReport(args.BotDll, database, Path.Combine(work, "chatreport.log"), "--Metrics:Enabled=true");
        await bot.StartAsync(cancellationToken);
        Console.WriteLine($"Turn cost: ChatReport pid {bot.Pid}, {level} conversations, {seconds} s per run after {warmup} s warm-up, {(distinct ? "a distinct report sentence per flow" : "the same report sentence")}, {Environment.ProcessorCount} cores, load average {Compare.LoadAverage()}");
        await new FlowLoad(stub, () => bot.MessagesUrl, codes, flow).RunAsync(new LoadOptions(level, TimeSpan.FromSeconds(warmup)), cancellationToken);

        Console.WriteLine();
        Console.WriteLine("| turns per flow | turns | flows | bot CPU ms | bot CPU ms per turn | bot CPU ms per flow | bot KiB allocated per turn | KiB per flow | load generator CPU ms per turn | errors | claims |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        // The last run of each flow length counts (the first ones may still pay for the JIT's tiers).
        var perFlow = new SortedDictionary<int, (double Ms, double KiB)>();
        using var http = new HttpClient();
        foreach (var prefix in prefixes)
        {
            var load = new FlowLoad(stub, () => bot.MessagesUrl, codes, code => flow(code)[..prefix]);
            var before = CpuMilliseconds(bot.Pid);
            var generatorBefore = Environment.CpuUsage.TotalTime;
            var allocatedBefore = await AllocatedBytesAsync(http, bot.BaseUrl, cancellationToken);
            var result = await load.RunAsync(new LoadOptions(level, TimeSpan.FromSeconds(seconds)), cancellationToken);
            // Let the outbox finish its sends and the writer its last batch before reading the clock.
            await Task.Delay(300, cancellationToken);
            var cpu = CpuMilliseconds(bot.Pid) - before;
            var generator = (Environment.CpuUsage.TotalTime - generatorBefore).TotalMilliseconds;
            var kib = (await AllocatedBytesAsync(http, bot.BaseUrl, cancellationToken) - allocatedBefore) / 1024;
            var flowsRun = result.Turns / (double)prefix;
            perFlow[prefix] = (cpu / flowsRun, kib / flowsRun);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {prefix} | {result.Turns} | {flowsRun:F0} | {cpu:F0} | {cpu / result.Turns:F3} | {cpu / flowsRun:F3} | {kib / result.Turns:F0} | {kib / flowsRun:F0} | {generator / result.Turns:F3} | {result.Errors + result.Apologies} | {result.SubmitsConfirmed} |"));
        }

        if (perFlow.Count > 1)
        {
            Console.WriteLine();
            Console.WriteLine("Each turn's own cost, by difference of the flows above");
            Console.WriteLine();
            Console.WriteLine("| turn | CPU ms | KiB allocated |");
            Console.WriteLine("|---|---:|---:|");
            var names = new[] { "加入", "是", "申报 …", "跳过", "提交", "我的积分" };
            var lengths = perFlow.ToList();
            for (var i = 1; i < lengths.Count; i++)
            {
                var (prefix, cost) = lengths[i];
                var (previous, previousCost) = lengths[i - 1];
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {string.Join(", ", names[previous..prefix])} | {cost.Ms - previousCost.Ms:F3} | {cost.KiB - previousCost.KiB:F0} |"));
            }
        }

        Console.WriteLine();
        Console.WriteLine($"load average after: {Compare.LoadAverage()}; work folder {work}");
        await bot.StopAsync();
        return 0;
    }

    /// <summary>The bot's bytes allocated so far, from the runtime's meter on /metrics.</summary>
    private static async Task<double> AllocatedBytesAsync(HttpClient http, Uri bot, CancellationToken cancellationToken)
    {
        const string Series = "dotnet_gc_heap_total_allocated_bytes_total";
        var text = await http.GetStringAsync(new Uri(bot, "metrics"), cancellationToken);
        // A build before the runtime meter was exported has no such line.
        if (text.Split('\n').FirstOrDefault(l => l.StartsWith(Series, StringComparison.Ordinal)) is not { } line)
        {
            return double.NaN;
        }

        return double.Parse(line[(line.LastIndexOf('}') is var brace and >= 0 ? brace + 1 : Series.Length)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    /// <summary>utime + stime of the process, all its threads, in ms.</summary>
    private static double CpuMilliseconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // The command name may hold spaces; the fields after its closing parenthesis do not.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return ticks * 1000.0 / ClockTicksPerSecond;
    }

    // USER_HZ is 100 on every Linux this runs on.
    private const double ClockTicksPerSecond = 100;
}
