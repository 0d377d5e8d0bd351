using ChatReport.Bot.Connector;
using ChatReport.Bot.Proactive;
using ChatReport.Bot.Storage.Channels;
using ChatReport.Dialogs.Schema;

namespace ChatReport.Bot.Digests;

/// <summary>
/// <see cref="IGroupMessenger"/> over the proactive messenger: continues the stored conversation
/// and posts the activity at the bottom of it. Failures that a retry cannot mend (the bot never
/// saw the conversation or may not post there, the channel refuses or no longer knows it) are
/// reported as permanent; everything else (429 after the Connector's own retries, 5xx, network)
/// as transient, for the caller's backoff.
/// </summary>
public sealed class ProactiveGroupMessenger(ProactiveMessenger proactive) : IGroupMessenger
{
    public async Task<string?> SendAsync(GroupAddress address, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(activity);
        string? activityId = null;
        try
        {
            await proactive.ContinueConversationAsync(
                address.ChannelId,
                address.ConversationId,
                async (turn, token) => activityId = (await turn.SendActivityAsync(activity, token)).Id,
                cancellationToken);
        }
        catch (InvalidOperationException ex)
        {
            throw new GroupSendException(ex.Message, isPermanent: true, ex);
        }
        catch (ConnectorException ex) when (ex.StatusCode is 400 or 401 or 403 or 404)
        {
            throw new GroupSendException(ex.Message, isPermanent: true, ex);
        }

        return activityId;
    }
}
