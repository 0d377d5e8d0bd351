using ChatReport.Bot.Connector;
using ChatReport.Bot.Storage.Channels;
using ChatReport.Dialogs.Schema;

namespace ChatReport.Bot.Channels.DingTalk;

/// <summary>
/// Delivers every message the bot sends on <c>dingtalk</c>: through the conversation's session
/// webhook while it lives (no token, no quota), else through the robot's send-to-users or
/// send-to-group API; to a custom group robot through its signed webhook. Group sends are paced.
/// </summary>
public sealed class DingTalkSender(
    DingTalkStore store,
    DingTalkApi api,
    DingTalkPacer pacer,
    TimeProvider time,
    ILogger<DingTalkSender> logger) : IChannelSender
{
    public const string Channel = "dingtalk";

    /// <summary>A session webhook this close to its expiry is not used: the post could arrive after it.</summary>
    private static readonly TimeSpan SessionMargin = TimeSpan.FromMinutes(1);

    public string ChannelId => Channel;

    public async Task<ResourceResponse> SendAsync(string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentNullException.ThrowIfNull(activity);
        // Typing indicators and the like have no DingTalk form.
        if (!activity.IsType(ActivityTypes.Message) || DingTalkOutgoing.FromActivity(activity) is not { } message)
        {
            return new ResourceResponse(null);
        }

        if (DingTalkRobotWebhook.IsRobotConversation(conversationId))
        {
            var robot = await store.FindRobotAsync(conversationId, cancellationToken)
                ?? throw new ConnectorException("DingTalkSendToRobot", 404, null, "This custom robot was unsubscribed.", conversationId, null);
            await pacer.WaitTurnAsync(conversationId, cancellationToken);
            await api.SendToRobotAsync(robot, message, cancellationToken);
            return new ResourceResponse(null);
        }

        var conversation = await store.FindConversationAsync(conversationId, cancellationToken)
            ?? throw new ConnectorException("DingTalkSend", 404, null, "The bot has never heard from this DingTalk conversation.", conversationId, null);
        if (conversation.IsGroup)
        {
            await pacer.WaitTurnAsync(conversationId, cancellationToken);
        }

        if (conversation is { SessionWebhook: { } webhook, SessionWebhookExpiresAt: { } expiresAt } && expiresAt - SessionMargin > time.GetUtcNow())
        {
            try
            {
                await api.SendBySessionAsync(webhook, message, cancellationToken);
                return new ResourceResponse(null);
            }
            catch (ConnectorException ex)
            {
                logger.LogInformation("The session webhook of {ConversationId} refused the message ({StatusCode} {ErrorCode}); using the send API", conversationId, ex.StatusCode, ex.ErrorCode);
            }
        }

        var key = conversation.IsGroup
            ? await api.SendToGroupAsync(conversationId, message, cancellationToken)
            : await api.SendToUserAsync(conversation.StaffId!, message, cancellationToken);
        return new ResourceResponse(key);
    }
}
