using System.Text.RegularExpressions;
using ChatReport.Conversation.Commands;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Localization;

namespace ChatReport.Conversation.Groups;

/// <summary>退订 / 取消订阅 / unsubscribe: said in a group chat, the group stops getting the digest.</summary>
public sealed partial class UnsubscribeCommand(UnsubscribeDialog dialog) : IChatCommand
{
    /// <inheritdoc />
    public Dialog Dialog => dialog;

    /// <inheritdoc />
    public CommandAudience Audience => CommandAudience.Reviewers;

    /// <inheritdoc />
    public CommandMatch? Match(string text) => Pattern().IsMatch(text ?? "") ? CommandMatch.NoOptions : null;

    /// <inheritdoc />
    public string HelpLine(ReplyLanguage language) => GroupTexts.ForLanguage(language).HelpUnsubscribe;

    [GeneratedRegex(@"^(?:退订|退订日报|取消订阅|取消日报|unsubscribe|unsubscribe digest)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
