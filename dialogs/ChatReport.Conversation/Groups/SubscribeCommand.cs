using System.Text.RegularExpressions;
using ChatReport.Conversation.Commands;
using ChatReport.Dialogs.Localization;

namespace ChatReport.Conversation.Groups;

/// <summary>订阅日报 / 订阅 / subscribe: said in a branch's group chat, the group gets the branch's daily digest.</summary>
public sealed partial class SubscribeCommand(SubscribeDialog dialog) : FixedWordsCommand(dialog, CommandAudience.Reviewers, Pattern())
{
    /// <inheritdoc />
    public override string HelpLine(ReplyLanguage language) => GroupTexts.ForLanguage(language).HelpSubscribe;

    [GeneratedRegex(@"^(?:订阅日报|订阅|订日报|subscribe|subscribe digest|subscribe to (?:the )?digest)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
