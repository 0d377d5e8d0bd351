using ChatReport.Dialogs.Schema;

namespace ChatReport.Bot.Channels.WeChat;

/// <summary>How Official Account conversations look as Activities: one personal chat per follower's OpenID.</summary>
public static class WeChatChannel
{
    public const string ChannelId = "wechat";

    /// <summary>A stable serviceUrl naming the account; never called (sends go through <see cref="WeChatChannelSender"/>).</summary>
    public static string ServiceUrl(WeChatOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return $"https://wechat.chatreport.invalid/{Uri.EscapeDataString(options.AppId ?? "")}/";
    }

    public static ChannelAccount Bot(WeChatOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ChannelAccount { Id = options.AppId, Name = "ChatReport", Role = "bot" };
    }
}
