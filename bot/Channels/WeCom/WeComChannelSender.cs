using ChatReport.Bot.Connector;
using ChatReport.Bot.Storage.Channels;
using ChatReport.Dialogs.Schema;

namespace ChatReport.Bot.Channels.WeCom;

/// <summary>
/// Delivers the bot's WeCom messages: to a member through the app's <c>message/send</c>, to a
/// group through its robot's webhook (paced, as markdown). A review card goes as a template card;
/// when WeCom will not take the card (no callback URL on the app, an old client) its text goes
/// instead, with the typed commands in it.
/// </summary>
public sealed class WeComChannelSender(
    WeComApiClient api,
    GroupRobotStore robots,
    RobotPacer pacer,
    ILogger<WeComChannelSender> logger) : IChannelSender
{
    public string ChannelId => WeComChannel.ChannelId;

    public async Task<ResourceResponse> SendAsync(string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentNullException.ThrowIfNull(activity);
        if (!activity.IsType(ActivityTypes.Message))
        {
            // Typing indicators and the like have no WeCom counterpart.
            return new ResourceResponse(null);
        }

        return conversationId.StartsWith(WeComChannel.RobotPrefix, StringComparison.Ordinal)
            ? await SendToRobotAsync(conversationId, activity, cancellationToken)
            : await SendToMemberAsync(conversationId, activity, cancellationToken);
    }

    private async Task<ResourceResponse> SendToMemberAsync(string userId, Activity activity, CancellationToken cancellationToken)
    {
        if (WeComMessages.TemplateCard(activity, userId) is { } card)
        {
            try
            {
                return new ResourceResponse(await api.SendMessageAsync(card, userId, cancellationToken));
            }
            catch (ConnectorException ex) when (ex.StatusCode is >= 400 and < 500 and not 429 and not 401)
            {
                logger.LogWarning("WeCom refused a template card for {ConversationId} ({ErrorCode}); sending its text instead", userId, ex.ErrorCode);
            }
        }

        string? last = null;
        foreach (var message in WeComMessages.Texts(activity, userId))
        {
            last = await api.SendMessageAsync(message, userId, cancellationToken);
        }

        return new ResourceResponse(last);
    }

    private async Task<ResourceResponse> SendToRobotAsync(string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        var robot = await robots.FindAsync(conversationId, cancellationToken)
            ?? throw new ConnectorException("webhook/send", 404, null, $"No group robot is known as {conversationId}.", conversationId, null);
        foreach (var message in WeComMessages.RobotMarkdown(activity))
        {
            await pacer.WaitAsync(conversationId, cancellationToken);
            await api.SendRobotAsync(robot.WebhookKey, message, conversationId, cancellationToken);
        }

        return new ResourceResponse(null);
    }
}
