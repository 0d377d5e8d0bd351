using ChatReport.Bot.Storage.Channels;
using ChatReport.Dialogs.Schema;

namespace ChatReport.Bot.Digests;

/// <summary>
/// Posts one activity into a stored conversation, outside of any inbound turn. The digests and
/// the quarterly notices send only through this port; the host implements it on top of the
/// proactive messenger (continue the stored conversation, send the activity at the bottom of it).
/// </summary>
/// <remarks>
/// Contract for implementations:
/// <list type="bullet">
/// <item>Send exactly one activity per call, with no retries of its own beyond what the Connector
/// client already does for 429/5xx: the callers retry with backoff and count attempts.</item>
/// <item>Return the id the channel gave the activity (<c>ResourceResponse.id</c>), or null when
/// the channel gives none.</item>
/// <item>Throw <see cref="GroupSendException"/> with <c>IsPermanent</c> when retrying cannot help:
/// the conversation is unknown or not vouched for, the bot was removed or blocked (403, Teams'
/// <c>MessageWritesBlocked</c>), the conversation is gone (404). Any other exception is taken as
/// transient.</item>
/// <item>Let <see cref="OperationCanceledException"/> through when the token is cancelled.</item>
/// </list>
/// </remarks>
public interface IGroupMessenger
{
    Task<string?> SendAsync(GroupAddress address, Activity activity, CancellationToken cancellationToken);
}
