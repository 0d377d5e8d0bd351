using Microsoft.Data.Sqlite;

namespace ChatReport.Bench;

/// <summary>
/// SIGKILL under load, restart on the same database and port, carry on. The load behaves like a
/// channel and a person: it redelivers what was not acknowledged and says again what got no
/// answer. Afterwards every submit that was acknowledged and answered "已提交" is exactly one
/// claim, no member has two, the database and the ledger are consistent, and conversations cut
/// by a kill could finish their flow after the restart.
/// </summary>
internal static class CrashCheck
{
    public static async Task<int> RunAsync(BenchArgs args, CancellationToken cancellationToken)
    {
        var work = args.WorkFolder();
        var database = Path.Combine(work, "crash.db");
        var codes = await Seeder.CreateDatabaseAsync(args.BotDll, database, 100, cancellationToken);
        await using var stub = new ConnectorStub();
        await stub.StartAsync();
        // A short claim lease, so the restarted process delivers what the killed one committed
        // but had not yet sent while the load still waits for those replies.
        await using var bot = BotProcess.ChatReport(
            args.BotDll, database, Path.Combine(work, "crash.log"), "--Outbox:ClaimLease=00:00:05", "--Outbox:PollInterval=00:00:01");
        await bot.StartAsync(cancellationToken);

        var seconds = args.Int("--seconds", 40);
        var kills = args.Int("--kills", 5);
        var load = new FlowLoad(stub, () => bot.MessagesUrl, codes);
        var run = load.RunAsync(
            new LoadOptions(args.Int("--conversations", 32), TimeSpan.FromSeconds(seconds), ChannelRetries: true, ReplyTimeout: TimeSpan.FromSeconds(15)),
            cancellationToken);
        var killed = 0;
        for (var k = 1; k <= kills; k++)
        {
            // Kills spread over the first three quarters of the run, a little off the beat.
            await Task.Delay(TimeSpan.FromSeconds(seconds * 0.75 / kills) + TimeSpan.FromMilliseconds(Random.Shared.Next(0, 700)), cancellationToken);
            await bot.KillAsync();
            killed++;
            await Task.Delay(500, cancellationToken);
            await bot.StartAsync(cancellationToken);
        }

        var result = await run;
        // Replies committed just before the last kill may still be on their way: one lease and a round.
        await Task.Delay(TimeSpan.FromSeconds(8), cancellationToken);
        await bot.StopAsync();

        var db = await DatabaseCheck.RunAsync(database, cancellationToken);
        var problems = new List<string>(db.Problems);
        int confirmedMissing = 0, confirmedDoubled = 0, notRun = 0, doubled = 0, unanswered = 0, answeredLate = 0;
        await using (var connection = new SqliteConnection($"Data Source={database};Pooling=False"))
        {
            await connection.OpenAsync(cancellationToken);
            foreach (var submit in result.Submits)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = "SELECT COUNT(*) FROM claims WHERE source_conversation_id = $c AND source_activity_id = $a";
                command.Parameters.AddWithValue("$c", submit.ConversationId);
                command.Parameters.AddWithValue("$a", submit.ActivityId);
                var count = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
                if (submit.ReplyText?.StartsWith("已提交", StringComparison.Ordinal) == true)
                {
                    confirmedMissing += count == 0 ? 1 : 0;
                    confirmedDoubled += count > 1 ? 1 : 0;
                }

                // Every acknowledged submit was run exactly once, and its reply reached the
                // channel, if not within the load's wait then later from the outbox.
                notRun += count == 0 ? 1 : 0;
                doubled += count > 1 ? 1 : 0;
                if (submit.ReplyText is null)
                {
                    var late = stub.RepliesTo(submit.ConversationId, submit.ActivityId);
                    answeredLate += late.Count > 0 ? 1 : 0;
                    unanswered += late.Count == 0 ? 1 : 0;
                }
            }
        }

        if (notRun > 0)
        {
            problems.Add($"{notRun} acknowledged submits were never run (no claim)");
        }

        if (doubled > 0)
        {
            problems.Add($"{doubled} acknowledged submits have more than one claim");
        }

        if (unanswered > 0)
        {
            problems.Add($"{unanswered} acknowledged submits never got their reply");
        }

        if (confirmedMissing > 0)
        {
            problems.Add($"{confirmedMissing} submits answered 已提交 have no claim");
        }

        if (confirmedDoubled > 0)
        {
            problems.Add($"{confirmedDoubled} submits answered 已提交 have more than one claim");
        }

        if (db.Counts["members with more than one claim"] > 0)
        {
            problems.Add($"{db.Counts["members with more than one claim"]} members have more than one claim");
        }

        if (!bot.IsAlive && result.Flows == 0)
        {
            problems.Add("no flow completed");
        }

        Console.WriteLine($"crash: {killed} SIGKILLs; {result.Turns} turns answered, {result.Errors} unanswered after retries, {result.Redeliveries} redeliveries of unacknowledged activities, {result.Resends} texts said again; {result.Flows} flows completed; {result.Submits.Count} submits acknowledged ({result.SubmitsConfirmed} answered 已提交 in time, {answeredLate} answered after the load stopped waiting, {unanswered} never answered; {notRun} not run, {doubled} doubled); {db.Counts["claims"]} claims");
        db.Print();
        return RedeliveryCheck.Report("crash", problems);
    }
}
