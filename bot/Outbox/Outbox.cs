using System.Text.Json;
using ChatReport.Bot.Connector;
using ChatReport.Bot.Storage.Channels;
using ChatReport.Bot.Storage.Connections;
using ChatReport.Dialogs.Schema;
using Microsoft.Extensions.Options;

namespace ChatReport.Bot.Outbox;

/// <summary>
/// Where everything the bot sends is put: a row in the outbox, written in the transaction of the
/// turn (or job) that decided to send it, and handed to the <see cref="OutboxDispatcher"/> once
/// that transaction is durable. A rolled-back turn sends nothing; a committed one loses nothing.
/// </summary>
public sealed class Outbox(OutboxStore store, OutboxDispatcher dispatcher, TimeProvider time, IOptions<OutboxOptions> options)
{
    /// <summary>Queues <paramref name="activity"/>, already addressed, for the conversation.</summary>
    public async Task AddAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(serviceUrl);
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentNullException.ThrowIfNull(activity);
        var now = time.GetUtcNow();
        // The row is born claimed by this process for one lease: it sends it right after the
        // commit, and only if this process dies does another sender take it over.
        var item = new OutboxItem(
            0,
            activity.ChannelId ?? string.Empty,
            serviceUrl,
            conversationId,
            JsonSerializer.Serialize(activity, BotJson.Options),
            0,
            now + options.Value.ClaimLease,
            now);
        var id = await store.AddAsync(item, cancellationToken);
        var queued = item with { Id = id };
        if (DbScope.Current is { } scope)
        {
            scope.AfterCommit(() => dispatcher.Post(queued));
        }
        else
        {
            dispatcher.Post(queued);
        }
    }
}
