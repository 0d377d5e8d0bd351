using System.Text.RegularExpressions;
using ChatReport.Conversation.Commands;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Localization;

namespace ChatReport.Conversation.Groups;

/// <summary>订阅日报 / 订阅 / subscribe: said in a branch's group chat, the group gets the branch's daily digest.</summary>
public sealed partial class SubscribeCommand(SubscribeDialog dialog) : IChatCommand
{
    /// <inheritdoc />
    public Dialog Dialog => dialog;

    /// <inheritdoc />
    public CommandAudience Audience => CommandAudience.Reviewers;

    /// <inheritdoc />
    public CommandMatch? Match(string text) => Pattern().IsMatch(text ?? "") ? CommandMatch.NoOptions : null;

    /// <inheritdoc />
    public string HelpLine(ReplyLanguage language) => GroupTexts.ForLanguage(language).HelpSubscribe;

    [GeneratedRegex(@"^(?:订阅日报|订阅|订日报|subscribe|subscribe digest|subscribe to (?:the )?digest)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
