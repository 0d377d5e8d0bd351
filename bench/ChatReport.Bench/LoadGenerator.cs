// Load generator for POST /api/messages: N concurrent conversations, each sending messages one
// after another (a closed loop), against the real bot on Kestrel and a local Connector stub.
// Reports turns per second and the p50/p99 latency from sending the activity to its reply
// reaching the stub. With --auth the bot runs with authentication on against a local identity
// provider: every activity carries a channel token (one per conversation, reused, as a channel
// caches its token) and every reply must carry a token the provider issued. Usage:
//   dotnet run -c Release --project bench/ChatReport.Bench -- inproc [--turns 2000] [--levels 1,16,64] [--auth] [--text 我的积分] [--teams-limits]
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace ChatReport.Bench;

internal static class LoadGenerator
{
    public static async Task<int> RunAsync(string[] args)
    {
        var turns = IntOption("--turns", 2000);
        var levels = (Option("--levels") ?? "1,16,64").Split(',').Select(l => int.Parse(l, CultureInfo.InvariantCulture)).ToArray();
        var teamsLimits = args.Contains("--teams-limits");
        var authentication = args.Contains("--auth");
        var text = Option("--text") ?? "我的积分";

        await using var stub = new ConnectorStub();
        await stub.StartAsync();
        await using var identity = authentication ? new LocalIdentityProvider() : null;
        if (identity is not null)
        {
            await identity.StartAsync();
        }

        await using var bot = new BotHost(teamsLimits, identity?.BotSettings);
        bot.UseKestrel(0);
        bot.StartServer();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };

        Console.WriteLine(
            $"ChatReport /api/messages, {turns} turns per level, authentication {(authentication ? "on (local identity provider, keys cached after the first request)" : "off")}, " +
            $"Teams pacing {(teamsLimits ? "on" : "off")}, text \"{text}\" from people the bot does not know, {Environment.ProcessorCount} cores, " +
            $"load average {LoadAverage()}");
        if (identity is not null)
        {
            // Proof that the run is authenticated at all: the same activity without a token must be refused.
            using var anonymous = await http.PostAsJsonAsync(bot.MessagesUrl, Activity("no-token", "no-token-conversation"));
            Console.WriteLine($"Without a token: {(int)anonymous.StatusCode} {anonymous.StatusCode}");
        }

        var sample = await RunAsync("warmup", 4, 200, print: false);
        Console.WriteLine($"The bot answers: \"{sample}\"");
        Console.WriteLine("| conversations | turns | turns/s | p50 ms | p99 ms | errors |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
        foreach (var level in levels)
        {
            await RunAsync($"c{level}", level, turns, print: true);
        }

        if (identity is not null)
        {
            var (metadata, keys, tokens) = identity.Requests;
            Console.WriteLine($"Identity provider asked for: OpenID metadata {metadata}, key set {keys}, outbound tokens {tokens}");
        }

        Console.WriteLine($"load average after: {LoadAverage()}");
        return 0;

        async Task<string?> RunAsync(string label, int conversations, int total, bool print)
        {
            // Minted before the clock starts: a channel holds its token for its lifetime, so only
            // the bot's validation is part of a turn.
            var tokens = Enumerable.Range(0, conversations).Select(_ => identity?.MintChannelToken(stub.ServiceUrl)).ToArray();
            var latencies = new double[total];
            var errors = 0;
            var next = -1;
            string? lastText = null;
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, conversations).Select(async c =>
            {
                while (Interlocked.Increment(ref next) is var turn && turn < total)
                {
                    var id = $"{label}-{turn}";
                    var reply = stub.WaitForReplyAsync(id);
                    var started = Stopwatch.GetTimestamp();
                    using var request = new HttpRequestMessage(HttpMethod.Post, bot.MessagesUrl)
                    {
                        Content = JsonContent.Create(Activity(id, $"{label}-conversation-{c}")),
                    };
                    if (tokens[c] is { } token)
                    {
                        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                    }

                    using var response = await http.SendAsync(request);
                    if (!response.IsSuccessStatusCode || await Task.WhenAny(reply, Task.Delay(TimeSpan.FromSeconds(30))) != reply)
                    {
                        stub.Forget(id);
                        Interlocked.Increment(ref errors);
                        latencies[turn] = double.NaN;
                        continue;
                    }

                    var arrived = await reply;
                    if (identity is not null && !identity.IsIssuedBearer(arrived.Authorization))
                    {
                        // The reply reached the stub, but a real Connector would have refused it.
                        Interlocked.Increment(ref errors);
                        latencies[turn] = double.NaN;
                        continue;
                    }

                    lastText = arrived.Text;
                    latencies[turn] = Stopwatch.GetElapsedTime(started, arrived.ArrivedAt).TotalMilliseconds;
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

            return lastText;
        }

        object Activity(string id, string conversationId) => new
        {
            type = "message",
            id,
            channelId = "msteams",
            serviceUrl = stub.ServiceUrl,
            from = new { id = "29:bench-user", name = "Bench" },
            recipient = new { id = "28:bench-bot", name = "ChatReport" },
            conversation = new { id = conversationId, isGroup = false },
            locale = "zh-CN",
            text,
        };

        static string LoadAverage() => string.Join(' ', Compare.LoadAverage().Split(' ').Take(3));

        static double Percentile(double[] sorted, double p) =>
            sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

        string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

        int IntOption(string name, int fallback) => Option(name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
    }
}
