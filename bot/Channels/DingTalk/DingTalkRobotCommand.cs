using System.Text.RegularExpressions;
using ChatReport.Conversation.Commands;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Localization;

namespace ChatReport.Bot.Channels.DingTalk;

/// <summary>
/// <c>订阅日报 &lt;webhook&gt; &lt;secret&gt; [branch]</c> and <c>退订 &lt;webhook&gt;</c>: a reviewer
/// registers a DingTalk custom group robot for the branch's digest. Plain 订阅日报 and 退订 (in a
/// group) stay with the group commands, which match only the bare words.
/// </summary>
public sealed partial class DingTalkRobotCommand(DingTalkRobotDialog dialog) : IChatCommand
{
    public Dialog Dialog => dialog;

    public CommandAudience Audience => CommandAudience.Reviewers;

    public CommandMatch? Match(string text)
    {
        var subscribe = SubscribePattern().Match(text ?? "");
        if (subscribe.Success)
        {
            var unit = subscribe.Groups["unit"].Success ? subscribe.Groups["unit"].Value.Trim() : null;
            return new CommandMatch(new DingTalkRobotRequest(true, subscribe.Groups["url"].Value, subscribe.Groups["secret"].Value, unit));
        }

        var unsubscribe = UnsubscribePattern().Match(text ?? "");
        return unsubscribe.Success ? new CommandMatch(new DingTalkRobotRequest(false, unsubscribe.Groups["url"].Value, null, null)) : null;
    }

    public string HelpLine(ReplyLanguage language) => DingTalkTexts.ForLanguage(language).HelpLine;

    [GeneratedRegex(@"^(?:订阅日报|订阅|subscribe)\s+(?<url>https?://\S+)\s+(?<secret>\S+)(?:\s+(?<unit>.+))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SubscribePattern();

    [GeneratedRegex(@"^(?:退订|退订日报|取消订阅|unsubscribe)\s+(?<url>https?://\S+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UnsubscribePattern();
}
