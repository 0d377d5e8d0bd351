using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;

namespace ChatReport.Bench;

/// <summary>
/// The load generator: N conversations at once, each running <see cref="MemberFlow"/> again and
/// again as new people, against one bot and one <see cref="ConnectorStub"/>. Latency runs from
/// posting the activity to its reply reaching the stub.
/// </summary>
internal sealed class FlowLoad(ConnectorStub stub, Func<Uri> messagesUrl, string[] codes, Func<string, string[]>? flow = null)
{
    /// <summary>How ChatReport's error middleware answers a turn that failed (zh).</summary>
    public const string FailedTurnApology = "抱歉，出了点问题";

    private static int _runs;

    // Flows are numbered across runs: a person's name (成员n) and branch (code n) are then new in
    // every run on one database, where numbering from 1 again made the warm-up's members say "that
    // name is taken" and ended those flows after the join, cheaply and without a claim.
    private static int s_flowIndex;

    public async Task<LoadResult> RunAsync(LoadOptions options, CancellationToken cancellationToken)
    {
        var run = $"r{Interlocked.Increment(ref _runs)}x{Environment.ProcessId}x{DateTime.UtcNow:HHmmss}";
        var replyTimeout = options.ReplyTimeout ?? TimeSpan.FromSeconds(30);
        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = TimeSpan.FromSeconds(60),
        };
        var latencies = new ConcurrentBag<double[]>();
        var submits = new ConcurrentQueue<AcknowledgedSubmit>();
        int turns = 0, errors = 0, apologies = 0, flows = 0, acknowledged = 0, confirmed = 0, redeliveries = 0, resends = 0;
        long slot = 0;
        var clock = Stopwatch.StartNew();
        var end = options.Duration;

        await Task.WhenAll(Enumerable.Range(0, options.Conversations).Select(worker => Task.Run(async () =>
        {
            var mine = new List<double>(4096);
            while (clock.Elapsed < end && !cancellationToken.IsCancellationRequested)
            {
                var n = Interlocked.Increment(ref s_flowIndex);
                var conversationId = $"a:{run}-conv-{n}";
                var userId = $"29:{run}-user-{n}";
                var userName = $"成员{n}";
                var texts = (flow ?? MemberFlow.Texts)(codes[n % codes.Length]);
                var complete = true;
                for (var step = 0; step < texts.Length && clock.Elapsed < end; step++)
                {
                    if (options.TurnsPerSecond is { } rate)
                    {
                        var due = TimeSpan.FromSeconds(Interlocked.Increment(ref slot) / rate);
                        if (due > clock.Elapsed)
                        {
                            await Task.Delay(due - clock.Elapsed, cancellationToken);
                        }
                    }

                    var outcome = await TurnAsync($"{run}-{n}-{step}", texts[step], conversationId, userId, userName);
                    Note(step, outcome, conversationId, userId);
                    for (var resend = 1; options.ChannelRetries && outcome is { Acknowledged: true, Reply: null } && resend <= 3; resend++)
                    {
                        // The person saw no answer and says it again: a new activity.
                        Interlocked.Increment(ref resends);
                        outcome = await TurnAsync($"{run}-{n}-{step}-again{resend}", texts[step], conversationId, userId, userName);
                        Note(step, outcome, conversationId, userId);
                    }

                    if (outcome.Reply is { } reply)
                    {
                        Interlocked.Increment(ref turns);
                        mine.Add(outcome.Milliseconds);
                        if (reply.Text?.StartsWith(FailedTurnApology, StringComparison.Ordinal) == true)
                        {
                            Interlocked.Increment(ref apologies);
                        }
                        options.OnTurn?.Invoke(outcome.Milliseconds);
                        if (step == MemberFlow.SubmitTurn && reply.Text?.StartsWith("已提交", StringComparison.Ordinal) == true)
                        {
                            Interlocked.Increment(ref confirmed);
                        }
                    }
                    else
                    {
                        Interlocked.Increment(ref errors);
                        complete = false;
                    }

                    if (!complete && !options.ChannelRetries)
                    {
                        break;
                    }
                }

                if (complete && clock.Elapsed < end)
                {
                    Interlocked.Increment(ref flows);
                }
            }

            latencies.Add([.. mine]);

            void Note(int step, TurnOutcome outcome, string conversationId, string userId)
            {
                if (step == MemberFlow.SubmitTurn && outcome.Acknowledged)
                {
                    Interlocked.Increment(ref acknowledged);
                    submits.Enqueue(new AcknowledgedSubmit(conversationId, outcome.ActivityId, userId, outcome.Reply?.Text));
                }
            }

            async Task<TurnOutcome> TurnAsync(string activityId, string text, string conversationId, string userId, string userName)
            {
                var activity = MemberFlow.Activity(activityId, stub.ServiceUrl, conversationId, userId, userName, text);
                var reply = stub.WaitForReplyAsync(activityId);
                var started = Stopwatch.GetTimestamp();
                var acknowledgedTurn = false;
                try
                {
                    if (options.Redeliver && activityId.GetHashCode(StringComparison.Ordinal) % 2 == 0)
                    {
                        // Both deliveries in flight at once, as when Teams re-POSTs a slow turn.
                        Interlocked.Increment(ref redeliveries);
                        var both = await Task.WhenAll(PostAsync(activity), PostAsync(activity));
                        acknowledgedTurn = both.Any(ok => ok);
                    }
                    else
                    {
                        acknowledgedTurn = await PostAsync(activity);
                        var waitUntil = Stopwatch.StartNew();
                        while (!acknowledgedTurn && options.ChannelRetries && waitUntil.Elapsed < TimeSpan.FromSeconds(90))
                        {
                            // The channel redelivers what the bot did not acknowledge.
                            Interlocked.Increment(ref redeliveries);
                            await Task.Delay(250, cancellationToken);
                            acknowledgedTurn = await PostAsync(activity);
                        }
                    }

                    if (!acknowledgedTurn || await Task.WhenAny(reply, Task.Delay(replyTimeout, cancellationToken)) != reply)
                    {
                        return new TurnOutcome(activityId, acknowledgedTurn, null, double.NaN);
                    }

                    var arrived = await reply;
                    var outcome = new TurnOutcome(activityId, true, arrived, Stopwatch.GetElapsedTime(started, arrived.ArrivedAt).TotalMilliseconds);
                    if (options.Redeliver && activityId.GetHashCode(StringComparison.Ordinal) % 2 != 0)
                    {
                        // The same activity again after it was answered, as a channel that missed the 200 would.
                        Interlocked.Increment(ref redeliveries);
                        await PostAsync(activity);
                    }

                    return outcome;
                }
                finally
                {
                    stub.Forget(activityId);
                }
            }

            async Task<bool> PostAsync(object activity)
            {
                try
                {
                    using var response = await http.PostAsJsonAsync(messagesUrl(), activity, cancellationToken);
                    return response.IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
                catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    return false;
                }
            }
        }, cancellationToken)));

        clock.Stop();
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new LoadResult(clock.Elapsed, turns, errors, apologies, flows, acknowledged, confirmed, redeliveries, resends, all, [.. submits]);
    }

    private sealed record TurnOutcome(string ActivityId, bool Acknowledged, Reply? Reply, double Milliseconds);
}
