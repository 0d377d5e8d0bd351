using System.Text.RegularExpressions;
using ChatReport.Conversation.Commands;
using ChatReport.Dialogs.Localization;

namespace ChatReport.Conversation.Groups;

/// <summary>退订 / 取消订阅 / unsubscribe: said in a group chat, the group stops getting the digest.</summary>
public sealed partial class UnsubscribeCommand(UnsubscribeDialog dialog) : FixedWordsCommand(dialog, CommandAudience.Reviewers, Pattern())
{
    /// <inheritdoc />
    public override string HelpLine(ReplyLanguage language) => GroupTexts.ForLanguage(language).HelpUnsubscribe;

    [GeneratedRegex(@"^(?:退订|退订日报|取消订阅|取消日报|unsubscribe|unsubscribe digest)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
