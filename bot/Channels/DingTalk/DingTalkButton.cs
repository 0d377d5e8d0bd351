namespace ChatReport.Bot.Channels.DingTalk;

/// <summary>
/// An ActionCard button that, tapped, sends <paramref name="Command"/> into the chat as if typed:
/// ActionCard buttons only open URLs, and DingTalk's client URL <c>dtmd://dingtalkclient/sendMessage</c>
/// makes the tap a message, which then arrives at the callback like any other.
/// </summary>
public sealed record DingTalkButton(string Title, string Command)
{
    public string ActionUrl => "dtmd://dingtalkclient/sendMessage?content=" + Uri.EscapeDataString(Command);
}
