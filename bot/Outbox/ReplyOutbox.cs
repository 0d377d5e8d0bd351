using System.Text.Json;
using ChatReport.Bot.Connector;
using ChatReport.Bot.Messaging;
using ChatReport.Bot.Storage;
using ChatReport.Dialogs.Schema;
using Microsoft.Extensions.Options;

namespace ChatReport.Bot.Outbox;

/// <summary>
/// Keeps a turn's reply that the channel kept refusing for a transient reason, and sends the
/// kept replies later. The reply is already addressed; sending it later is the same Connector
/// call. A channel that accepted a request but answered too late may get a reply twice: the
/// Connector API has no idempotency key, and a late answer beats a lost one.
/// </summary>
public sealed class ReplyOutbox(
    ReplyOutboxStore store,
    ConnectorClient connector,
    TimeProvider time,
    IOptions<OutboxOptions> options,
    ILogger<ReplyOutbox> logger)
{
    private const int BatchSize = 50;

    /// <summary>429, 412, 5xx and no answer at all are worth another try later; the rest is final.</summary>
    public static bool IsWorthKeeping(ConnectorException failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return failure.StatusCode is null or 412 or 429 or >= 500;
    }

    public async Task KeepAsync(string serviceUrl, string conversationId, Activity activity, ConnectorException failure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var now = time.GetUtcNow();
        var json = JsonSerializer.Serialize(activity, BotJson.Options);
        await store.KeepAsync(serviceUrl, conversationId, json, now, now + options.Value.FirstRetryDelay, failure.Message, cancellationToken);
        logger.LogWarning("Kept a reply in {ConversationId} for a later attempt: {Reason}", conversationId, failure.Message);
    }

    /// <summary>Sends what is due; returns how many replies went out.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var sent = 0;
        foreach (var item in await store.ListDueAsync(time.GetUtcNow(), BatchSize, cancellationToken))
        {
            // The lease outlives one Connector call with its own retries, so no other instance sends it meanwhile.
            var now = time.GetUtcNow();
            if (!await store.ClaimAsync(item, now + TimeSpan.FromMinutes(5), cancellationToken))
            {
                continue;
            }

            try
            {
                var activity = JsonSerializer.Deserialize<Activity>(item.ActivityJson, BotJson.Options)!;
                _ = string.IsNullOrEmpty(activity.ReplyToId)
                    ? await connector.SendToConversationAsync(item.ServiceUrl, item.ConversationId, activity, cancellationToken)
                    : await connector.ReplyToActivityAsync(item.ServiceUrl, item.ConversationId, activity.ReplyToId, activity, cancellationToken);
                await store.MarkSentAsync(item.Id, time.GetUtcNow(), cancellationToken);
                sent++;
            }
            catch (ConnectorException ex)
            {
                var attempts = item.Attempts + 1;
                var next = time.GetUtcNow() + Backoff(settings, attempts);
                if (!IsWorthKeeping(ex) || next - item.CreatedAt > settings.GiveUpAfter)
                {
                    await store.MarkFailedAsync(item.Id, time.GetUtcNow(), ex.Message, cancellationToken);
                    logger.LogError(ex, "Gave up a reply in {ConversationId} after {Attempts} attempts", item.ConversationId, attempts);
                }
                else
                {
                    await store.RetryLaterAsync(item.Id, next, ex.Message, cancellationToken);
                }
            }
        }

        return sent;
    }

    private static TimeSpan Backoff(OutboxOptions settings, int attempts)
    {
        var delay = settings.FirstRetryDelay * Math.Pow(2, Math.Min(attempts, 16));
        return delay < settings.MaxRetryDelay ? delay : settings.MaxRetryDelay;
    }
}
