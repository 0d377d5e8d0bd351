using ChatReport.Dialogs.Schema;

namespace ChatReport.Bot.Channels.WeCom;

/// <summary>How WeCom conversations look as Activities.</summary>
public static class WeComChannel
{
    public const string ChannelId = "wecom";

    /// <summary>Group robots' conversation ids start with this; personal chats are the member's UserID.</summary>
    public const string RobotPrefix = "robot-";

    /// <summary>
    /// The serviceUrl stamped on every WeCom activity: stable, naming the corp and app, never
    /// called (sends go through <see cref="WeComChannelSender"/>).
    /// </summary>
    public static string ServiceUrl(WeComOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return $"https://wecom.chatreport.invalid/{Uri.EscapeDataString(options.CorpId ?? "")}/{options.AgentId}/";
    }

    public static ChannelAccount Bot(WeComOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ChannelAccount { Id = $"{options.CorpId}/{options.AgentId}", Name = "ChatReport", Role = "bot" };
    }
}
