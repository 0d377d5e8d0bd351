using System.Text.Json;
using ChatReport.Bot.Connector;
using ChatReport.Bot.Storage.Channels;
using ChatReport.Bot.Storage.Connections;
using ChatReport.Dialogs.Schema;
using Microsoft.Extensions.Options;

namespace ChatReport.Bot.Outbox;

/// <summary>
/// Delivers outbox messages: at once for those handed over after a commit, later for those the
/// channel refused for a while (429, 5xx, no answer) and for those left behind by a stopped
/// process. One conversation's messages go out one at a time, in order; different conversations
/// go out side by side. Every send goes through <see cref="ConnectorClient"/> and its resilience
/// pipeline (retries, timeouts, pacing); what that pipeline cannot deliver waits here with a
/// growing delay, until <see cref="OutboxOptions.GiveUpAfter"/>.
/// </summary>
/// <remarks>
/// Delivery is at least once: the Connector API has no idempotency key, so a process that stops
/// between the channel's 200 and the 'sent' mark sends that message again after the claim runs out.
/// The message keeps its <c>replyToId</c>, so a repeat is recognisable.
/// </remarks>
public sealed class OutboxDispatcher(
    OutboxStore store,
    ConnectorClient connector,
    GroupCommit commits,
    TimeProvider time,
    IOptions<OutboxOptions> options,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private const int BatchSize = 200;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<OutboxItem>> _queues = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _parked = new(StringComparer.Ordinal);
    private readonly List<long> _sent = [];
    private readonly SemaphoreSlim _slots = new(options.Value.MaxConcurrentConversations);
    private int _busy;
    private TaskCompletionSource _idle = CompletedSource();
    private bool _flushing;

    /// <summary>Hands over messages whose unit has committed; they are sent as soon as their conversation is free.</summary>
    public void Post(OutboxItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        lock (_gate)
        {
            if (_parked.TryGetValue(item.ConversationKey, out var until))
            {
                if (until > time.GetUtcNow())
                {
                    // An earlier message of this conversation waits for a later attempt; this one
                    // follows it from the table, in order.
                    return;
                }

                // The wait is over: forget it, or every conversation that was ever refused stays here.
                _parked.Remove(item.ConversationKey);
            }

            if (_queues.TryGetValue(item.ConversationKey, out var queue))
            {
                queue.Enqueue(item);
                return;
            }

            _queues[item.ConversationKey] = new Queue<OutboxItem>([item]);
            Busy(+1);
        }

        // Off the caller's thread: Post runs right after a commit, on the writer.
        _ = Task.Run(() => DeliverConversationAsync(item.ConversationKey));
    }

    /// <summary>Completes when nothing handed over is still being sent and every delivery is marked.</summary>
    public Task WaitIdleAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _idle.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Claims the messages that are due and sends them; returns how many were delivered.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var due = await store.ClaimDueAsync(now, now + options.Value.ClaimLease, BatchSize, cancellationToken);
        var delivered = 0;
        foreach (var conversation in due.GroupBy(item => item.ConversationKey))
        {
            foreach (var item in conversation)
            {
                var outcome = await DeliverAsync(item, cancellationToken);
                delivered += outcome == Delivery.Sent ? 1 : 0;
                if (outcome == Delivery.Parked)
                {
                    break;
                }
            }
        }

        await FlushSentAsync(cancellationToken);
        return delivered;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        var lastPrune = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SendDueAsync(stoppingToken);
                if (time.GetUtcNow() - lastPrune > TimeSpan.FromHours(1))
                {
                    lastPrune = time.GetUtcNow();
                    await store.PruneAsync(lastPrune - options.Value.KeepDelivered, stoppingToken);
                }

                await Task.Delay(options.Value.PollInterval, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // A database hiccup must not end the loop: the next round tries again.
                logger.LogError(ex, "Sending due outbox messages failed");
                await Task.Delay(options.Value.PollInterval, time, stoppingToken);
            }
        }
    }

    public override void Dispose()
    {
        _slots.Dispose();
        base.Dispose();
    }

    private static TaskCompletionSource CompletedSource()
    {
        var source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        source.SetResult();
        return source;
    }

    private async Task DeliverConversationAsync(string key)
    {
        await _slots.WaitAsync();
        try
        {
            while (true)
            {
                OutboxItem item;
                lock (_gate)
                {
                    var queue = _queues[key];
                    if (queue.Count == 0)
                    {
                        _queues.Remove(key);
                        break;
                    }

                    item = queue.Peek();
                }

                var outcome = await DeliverAsync(item, CancellationToken.None);
                lock (_gate)
                {
                    var queue = _queues[key];
                    queue.Dequeue();
                    if (outcome == Delivery.Parked)
                    {
                        // The rest stay in the table and follow the parked message in order.
                        queue.Clear();
                    }
                }
            }
        }
        catch (Exception ex)
        {
            // Only the database can fail here; the messages stay in the table for the next round.
            logger.LogError(ex, "Delivering the outbox of a conversation failed");
            lock (_gate)
            {
                _queues.Remove(key);
            }
        }
        finally
        {
            _slots.Release();
        }

        await FlushSentAsync(CancellationToken.None);
        lock (_gate)
        {
            Busy(-1);
        }
    }

    private async Task<Delivery> DeliverAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        if (item.NextAttemptAt - now < settings.ClaimLease / 2)
        {
            // The claim is running out (a slow channel, a long queue): renew it before sending, or
            // leave the message to whoever took it over.
            if (!await store.ExtendClaimAsync(item, now + settings.ClaimLease, cancellationToken))
            {
                return Delivery.TakenOver;
            }
        }

        try
        {
            var activity = JsonSerializer.Deserialize<Activity>(item.ActivityJson, BotJson.Options)
                ?? throw new JsonException("The stored activity is null.");
            _ = string.IsNullOrEmpty(activity.ReplyToId)
                ? await connector.SendToConversationAsync(item.ServiceUrl, item.ConversationId, activity, cancellationToken)
                : await connector.ReplyToActivityAsync(item.ServiceUrl, item.ConversationId, activity.ReplyToId, activity, cancellationToken);
            lock (_gate)
            {
                _sent.Add(item.Id);
            }

            return Delivery.Sent;
        }
        catch (ConnectorException ex) when (IsWorthAnotherTry(ex) && time.GetUtcNow() + Backoff(settings, item.Attempts + 1) - item.CreatedAt <= settings.GiveUpAfter)
        {
            var next = time.GetUtcNow() + Backoff(settings, item.Attempts + 1);
            await store.RetryLaterAsync(item.Id, next, ex.Message, cancellationToken);
            lock (_gate)
            {
                _parked[item.ConversationKey] = next;
            }

            logger.LogWarning("Outbox message {MessageId} to {ConversationId} refused for now ({Reason}); next attempt at {NextAttempt}", item.Id, item.ConversationId, ex.Message, next);
            return Delivery.Parked;
        }
        catch (Exception ex) when (ex is ConnectorException or JsonException or ArgumentException or InvalidOperationException or HttpRequestException)
        {
            await store.MarkFailedAsync(item.Id, time.GetUtcNow(), ex.Message, cancellationToken);
            logger.LogError(ex, "Gave up outbox message {MessageId} to {ConversationId} after {Attempts} attempts", item.Id, item.ConversationId, item.Attempts + 1);
            return Delivery.Failed;
        }
    }

    /// <summary>429, 412, 5xx and no answer at all are worth another try later; the rest is final.</summary>
    public static bool IsWorthAnotherTry(ConnectorException failure) =>
        failure is null ? throw new ArgumentNullException(nameof(failure)) :
        failure.StatusCode is null or 412 or 429 or >= 500;

    private static TimeSpan Backoff(OutboxOptions settings, int attempts)
    {
        var delay = settings.FirstRetryDelay * Math.Pow(2, Math.Min(attempts - 1, 16));
        return delay < settings.MaxRetryDelay ? delay : settings.MaxRetryDelay;
    }

    // Marks go to the database in batches through the group commit, so delivering a turn's
    // replies costs no fsync of its own.
    private async Task FlushSentAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            long[] ids;
            lock (_gate)
            {
                if (_flushing || _sent.Count == 0)
                {
                    return;
                }

                _flushing = true;
                ids = [.. _sent];
                _sent.Clear();
                Busy(+1);
            }

            try
            {
                await commits.RunAsync(async ct => { await store.MarkSentAsync(ids, time.GetUtcNow(), ct); return ids.Length; }, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Unmarked messages are sent again once their claim runs out: a repeat, not a loss.
                logger.LogError(ex, "Marking {Count} outbox messages as sent failed", ids.Length);
            }
            finally
            {
                lock (_gate)
                {
                    _flushing = false;
                    Busy(-1);
                }
            }
        }
    }

    // Called under _gate.
    private void Busy(int change)
    {
        _busy += change;
        if (_busy == 1 && change > 0 && _idle.Task.IsCompleted)
        {
            _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        else if (_busy == 0)
        {
            _idle.TrySetResult();
        }
    }

    private enum Delivery
    {
        Sent,
        Parked,
        Failed,
        TakenOver,
    }
}
