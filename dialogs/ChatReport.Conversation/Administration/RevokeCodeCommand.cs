using System.Text.RegularExpressions;
using ChatReport.Conversation.Commands;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Localization;

namespace ChatReport.Conversation.Administration;

/// <summary>作废邀请码 123456 / revoke code 123456.</summary>
public sealed partial class RevokeCodeCommand(RevokeCodeDialog dialog) : IChatCommand
{
    /// <inheritdoc />
    public Dialog Dialog => dialog;

    /// <inheritdoc />
    public CommandAudience Audience => CommandAudience.Reviewers;

    /// <inheritdoc />
    public CommandMatch? Match(string text)
    {
        var match = Pattern().Match(text ?? "");
        return match.Success ? new CommandMatch(new AdministrationDraft(Code: match.Groups["code"].Success ? match.Groups["code"].Value : null)) : null;
    }

    /// <inheritdoc />
    public string HelpLine(ReplyLanguage language) => AdministrationTexts.ForLanguage(language).RevokeCodeHelpLine;

    [GeneratedRegex(@"^(?:作废邀请码|停用邀请码|revoke\s+(?:join\s+)?code)(?:\s*(?<code>[0-9]{4,12}))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
