// The bench driver. Modes (each prints what it counted; reliability modes exit 1 on a violation):
//   compare     ChatReport next to the botbuilder-js peer at 1/16/64/256 conversations
//   soak        a steady rate for --minutes, sampling latency, RSS, threads, fds and DB size
//   crash       SIGKILL under load, restart on the same database, check what was acknowledged
//   redelivery  every activity twice with the same id: one claim, one reply each
//   flaky       a Connector that answers 429/503 or stalls: every reply arrives once
//   fuzz        hostile activities to /api/messages and Direct Line: no 5xx, DB consistent
//   inproc      the original in-process /api/messages load generator (LoadGenerator.cs)
//   understand  the member flow's recognition calls in process: µs and bytes per call
//   cost        ChatReport alone: the bot process's CPU ms per turn, and per turn of the flow
// bench/run-compare.sh and bench/run-reliability.sh build and call these.
namespace ChatReport.Bench;

internal static class Driver
{
    public static async Task<int> Main(string[] args)
    {
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        var options = new BenchArgs(args);
        return args.FirstOrDefault() switch
        {
            "compare" => await Compare.RunAsync(options, stop.Token),
            "soak" => await Soak.RunAsync(options, stop.Token),
            "crash" => await CrashCheck.RunAsync(options, stop.Token),
            "redelivery" => await RedeliveryCheck.RunAsync(options, stop.Token),
            "flaky" => await FlakyCheck.RunAsync(options, stop.Token),
            "fuzz" => await Fuzzer.RunAsync(options, stop.Token),
            "inproc" => await LoadGenerator.RunAsync(args),
            "understand" => UnderstandingProfile.Run(options),
            "cost" => await TurnCost.RunAsync(options, stop.Token),
            _ => Usage(),
        };
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: ChatReport.Bench compare|soak|crash|redelivery|flaky|fuzz|inproc|understand|cost [options]; see bench/README.md");
        return 2;
    }
}
