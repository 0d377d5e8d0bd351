using ChatReport.Bot.Storage.Channels;
using ChatReport.Dialogs.Schema;

namespace ChatReport.Bot.Digests;

/// <summary>
/// Stands in until the host registers a real <see cref="IGroupMessenger"/>: every send fails
/// permanently with a message that says so, so runs are recorded as failed instead of hanging.
/// </summary>
internal sealed class NotConfiguredGroupMessenger : IGroupMessenger
{
    public Task<string?> SendAsync(GroupAddress address, Activity activity, CancellationToken cancellationToken) =>
        throw new GroupSendException(
            "No IGroupMessenger is registered, so the bot cannot post proactively; register one over the proactive messenger.",
            isPermanent: true);
}
