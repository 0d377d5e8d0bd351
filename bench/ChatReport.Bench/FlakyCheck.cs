using System.Globalization;

namespace ChatReport.Bench;

/// <summary>
/// A Connector that answers a share of calls with 429 (Retry-After: 1) or 503, or stalls past
/// the bot's attempt timeout: every reply must still arrive, exactly once (counted by identity:
/// conversation, replyToId, text).
/// </summary>
internal static class FlakyCheck
{
    public static async Task<int> RunAsync(BenchArgs args, CancellationToken cancellationToken)
    {
        var work = args.WorkFolder();
        var database = Path.Combine(work, "flaky.db");
        var codes = await Seeder.CreateDatabaseAsync(args.BotDll, database, 100, cancellationToken);
        var faults = new FaultPlan(args.Double("--429", 0.10), args.Double("--503", 0.10), args.Double("--stall", 0.05), TimeSpan.FromSeconds(3));
        await using var stub = new ConnectorStub { Faults = faults };
        await stub.StartAsync();
        // A 2 s attempt timeout (default 10 s) so that a 3 s stall is a timeout without making the run long.
        await using var bot = BotProcess.ChatReport(args.BotDll, database, Path.Combine(work, "flaky.log"), "--Connector:AttemptTimeout=00:00:02");
        await bot.StartAsync(cancellationToken);

        var load = new FlowLoad(stub, () => bot.MessagesUrl, codes);
        var result = await load.RunAsync(
            new LoadOptions(args.Int("--conversations", 16), TimeSpan.FromSeconds(args.Int("--seconds", 30)), ReplyTimeout: TimeSpan.FromSeconds(90)),
            cancellationToken);
        stub.Faults = FaultPlan.None;
        await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
        await bot.StopAsync();

        var db = await DatabaseCheck.RunAsync(database, cancellationToken);
        var problems = new List<string>(db.Problems);
        var duplicates = stub.Duplicates;
        if (duplicates.Count > 0)
        {
            problems.Add($"{duplicates.Count} replies arrived more than once, e.g. {duplicates[0].Key} ×{duplicates[0].Value}");
        }

        if (result.Errors > 0)
        {
            problems.Add($"{result.Errors} turns never got their reply");
        }

        if (result.Apologies > 0)
        {
            problems.Add($"{result.Apologies} turns got the error apology instead of their reply (the Connector refused every retry)");
        }

        var (tooMany, unavailable, stalled) = stub.Refused;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"flaky: faults {faults.TooManyRequests:P0} 429 / {faults.Unavailable:P0} 503 / {faults.Stalls:P0} stall {faults.Stall.TotalSeconds} s; Connector calls refused: {tooMany} × 429, {unavailable} × 503, {stalled} stalled; replies accepted {stub.Accepted}, distinct {stub.DistinctReplies}, duplicated {duplicates.Count}; turns answered {result.Turns}, unanswered {result.Errors}, answered with the error apology {result.Apologies}; p50 {result.Percentile(0.5):F0} ms, p99 {result.Percentile(0.99):F0} ms"));
        db.Print();
        return RedeliveryCheck.Report("flaky", problems);
    }
}
