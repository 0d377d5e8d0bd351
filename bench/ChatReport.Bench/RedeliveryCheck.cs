namespace ChatReport.Bench;

/// <summary>
/// Every activity of a load run delivered twice with the same id (half at the same moment, half
/// after the reply): one claim per submit, one reply per activity at the Connector.
/// </summary>
internal static class RedeliveryCheck
{
    public static async Task<int> RunAsync(BenchArgs args, CancellationToken cancellationToken)
    {
        var work = args.WorkFolder();
        var database = Path.Combine(work, "redelivery.db");
        var codes = await Seeder.CreateDatabaseAsync(args.BotDll, database, 100, cancellationToken);
        await using var stub = new ConnectorStub();
        await stub.StartAsync();
        await using var bot = BotProcess.ChatReport(args.BotDll, database, Path.Combine(work, "redelivery.log"));
        await bot.StartAsync(cancellationToken);

        var load = new FlowLoad(stub, () => bot.MessagesUrl, codes);
        var result = await load.RunAsync(
            new LoadOptions(args.Int("--conversations", 16), TimeSpan.FromSeconds(args.Int("--seconds", 20)), Redeliver: true),
            cancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        await bot.StopAsync();

        var db = await DatabaseCheck.RunAsync(database, cancellationToken);
        var problems = new List<string>(db.Problems);
        var duplicates = stub.Duplicates;
        if (duplicates.Count > 0)
        {
            problems.Add($"{duplicates.Count} replies reached the Connector more than once, e.g. {duplicates[0].Key} ×{duplicates[0].Value}");
        }

        if (result.Errors > 0)
        {
            problems.Add($"{result.Errors} turns got no reply");
        }

        if (db.Counts["claims"] != result.SubmitsConfirmed)
        {
            problems.Add($"{db.Counts["claims"]} claims in the database for {result.SubmitsConfirmed} confirmed submits");
        }

        if (db.Counts["members with more than one claim"] > 0)
        {
            problems.Add($"{db.Counts["members with more than one claim"]} members have more than one claim");
        }

        Console.WriteLine($"redelivery: {result.Turns} turns answered, {result.Redeliveries} activities delivered a second time (same id), {result.Flows} flows, {result.SubmitsConfirmed} submits confirmed, {db.Counts["claims"]} claims, {stub.DistinctReplies} distinct replies, {stub.Accepted} replies accepted, {duplicates.Count} duplicated");
        db.Print();
        return Report("redelivery", problems);
    }

    public static int Report(string name, List<string> problems)
    {
        Console.WriteLine(problems.Count == 0 ? $"{name}: PASS" : $"{name}: FAIL\n  " + string.Join("\n  ", problems));
        return problems.Count == 0 ? 0 : 1;
    }
}
