using System.Text.Json.Nodes;
using ChatReport.Bot.Channels.WeCom;
using ChatReport.Bot.Connector;
using ChatReport.Dialogs.Schema;

namespace ChatReport.Bot.Channels.WeChat;

/// <summary>
/// Delivers the bot's messages to Official Account followers as customer-service text messages
/// (cards are sent as their text, which carries the typed commands). Outside the 48 hours after
/// the follower last wrote WeChat refuses (45015): that is a final 403, so the outbox records the
/// message as failed with the reason instead of retrying it.
/// </summary>
public sealed class WeChatChannelSender(WeChatApiClient api) : IChannelSender
{
    public string ChannelId => WeChatChannel.ChannelId;

    public async Task<ResourceResponse> SendAsync(string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentNullException.ThrowIfNull(activity);
        if (!activity.IsType(ActivityTypes.Message))
        {
            return new ResourceResponse(null);
        }

        foreach (var part in WeComMessages.Split(WeComMessages.TextOf(activity), WeComMessages.MaxTextBytes))
        {
            var message = new JsonObject { ["touser"] = conversationId, ["msgtype"] = "text", ["text"] = new JsonObject { ["content"] = part } };
            await api.SendCustomMessageAsync(message, conversationId, cancellationToken);
        }

        return new ResourceResponse(null);
    }
}
