// Load generator for POST /api/messages: N concurrent conversations, each sending messages one
// after another (a closed loop), against the real bot on Kestrel and a local Connector stub.
// Reports turns per second and the p50/p99 latency from sending the activity to its reply
// reaching the stub. Usage:
//   dotnet run -c Release --project bench/ChatReport.Bench -- inproc [--turns 2000] [--levels 1,16,64] [--teams-limits]
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;

namespace ChatReport.Bench;

internal static class LoadGenerator
{
    public static async Task<int> RunAsync(string[] args)
    {
        var turns = IntOption("--turns", 2000);
        var levels = (Option("--levels") ?? "1,16,64").Split(',').Select(l => int.Parse(l, CultureInfo.InvariantCulture)).ToArray();
        var teamsLimits = args.Contains("--teams-limits");

        await using var stub = new ConnectorStub();
        await stub.StartAsync();
        await using var bot = new BotHost(teamsLimits);
        bot.UseKestrel(0);
        bot.StartServer();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };

        Console.WriteLine($"ChatReport /api/messages, {turns} turns per level, authentication off, Teams pacing {(teamsLimits ? "on" : "off")}, {Environment.ProcessorCount} cores");
        await RunAsync("warmup", 4, 200, print: false);
        Console.WriteLine("| conversations | turns | turns/s | p50 ms | p99 ms | errors |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
        foreach (var level in levels)
        {
            await RunAsync($"c{level}", level, turns, print: true);
        }

        return 0;

        async Task RunAsync(string label, int conversations, int total, bool print)
        {
            var latencies = new double[total];
            var errors = 0;
            var next = -1;
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, conversations).Select(async c =>
            {
                while (Interlocked.Increment(ref next) is var turn && turn < total)
                {
                    var id = $"{label}-{turn}";
                    var reply = stub.WaitForReplyAsync(id);
                    var started = Stopwatch.GetTimestamp();
                    using var response = await http.PostAsJsonAsync(bot.MessagesUrl, Activity(id, $"{label}-conversation-{c}", turn));
                    if (!response.IsSuccessStatusCode || await Task.WhenAny(reply, Task.Delay(TimeSpan.FromSeconds(30))) != reply)
                    {
                        Interlocked.Increment(ref errors);
                        latencies[turn] = double.NaN;
                        continue;
                    }

                    latencies[turn] = Stopwatch.GetElapsedTime(started, (await reply).ArrivedAt).TotalMilliseconds;
                }
            }));
            clock.Stop();
            if (print)
            {
                var sorted = latencies.Where(l => !double.IsNaN(l)).Order().ToArray();
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"| {conversations} | {total} | {total / clock.Elapsed.TotalSeconds:F0} | {Percentile(sorted, 0.50):F1} | {Percentile(sorted, 0.99):F1} | {errors} |"));
            }
        }

        object Activity(string id, string conversationId, int turn) => new
        {
            type = "message",
            id,
            channelId = "msteams",
            serviceUrl = stub.ServiceUrl,
            from = new { id = "29:bench-user", name = "Bench" },
            recipient = new { id = "28:bench-bot", name = "ChatReport" },
            conversation = new { id = conversationId, isGroup = false },
            locale = "zh-CN",
            text = $"第{turn}条",
        };

        static double Percentile(double[] sorted, double p) =>
            sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

        string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

        int IntOption(string name, int fallback) => Option(name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
    }
}
