using System.Text.RegularExpressions;
using ChatReport.Conversation.Commands;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Localization;

namespace ChatReport.Bot.Channels.WeCom;

/// <summary>
/// 订阅日报 &lt;webhook&gt; [branch] / 退订 &lt;webhook&gt;: said to the bot privately on WeCom, a group
/// robot posts the branch's digests. Without a webhook the words are the group commands.
/// </summary>
public sealed partial class GroupRobotCommand(GroupRobotDialog dialog) : IChatCommand
{
    public Dialog Dialog => dialog;

    public CommandAudience Audience => CommandAudience.Reviewers;

    public CommandMatch? Match(string text)
    {
        var match = Pattern().Match(text ?? "");
        if (!match.Success || GroupRobotWebhook.FindKey(match.Groups["hook"].Value) is not { } key)
        {
            return null;
        }

        var unsubscribe = match.Groups["off"].Success;
        var unit = match.Groups["unit"].Success ? match.Groups["unit"].Value.Trim() : null;
        return unsubscribe && unit is not null ? null : new CommandMatch(new GroupRobotRequest(key, unit, unsubscribe));
    }

    public string HelpLine(ReplyLanguage language) => GroupRobotTexts.ForLanguage(language).Help;

    [GeneratedRegex(@"^(?:(?<on>订阅日报|订阅|subscribe)|(?<off>退订|退订日报|取消订阅|unsubscribe))\s+(?<hook>\S+)(?:\s+(?<unit>.+))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
