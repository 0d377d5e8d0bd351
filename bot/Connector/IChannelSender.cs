using ChatReport.Dialogs.Schema;

namespace ChatReport.Bot.Connector;

/// <summary>
/// Delivers messages on a channel that Azure Bot Service does not reach (WeCom, WeChat, DingTalk),
/// through that platform's own API. <see cref="ConnectorClient"/> hands it every send and reply
/// whose activity carries its <see cref="ChannelId"/>, so turns, proactive messages and the outbox
/// reach these channels by the same path as any Bot Framework channel.
/// </summary>
/// <remarks>
/// A failure is reported as a <see cref="ConnectorException"/> with an HTTP-like status: 429 or 5xx
/// (or none) when a later attempt may succeed, so the outbox keeps the message; any other 4xx when
/// it never will.
/// </remarks>
public interface IChannelSender
{
    /// <summary>The <c>channelId</c> of the activities this sender delivers, e.g. <c>wecom</c>.</summary>
    string ChannelId { get; }

    /// <summary>Delivers <paramref name="activity"/>, already addressed, into the conversation.</summary>
    Task<ResourceResponse> SendAsync(string conversationId, Activity activity, CancellationToken cancellationToken);
}
