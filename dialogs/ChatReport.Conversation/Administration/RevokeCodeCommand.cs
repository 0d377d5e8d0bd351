using System.Text.RegularExpressions;
using ChatReport.Conversation.Commands;
using ChatReport.Dialogs.Localization;

namespace ChatReport.Conversation.Administration;

/// <summary>作废邀请码 123456 / revoke code 123456.</summary>
public sealed partial class RevokeCodeCommand(RevokeCodeDialog dialog) : PatternCommand(dialog, CommandAudience.Reviewers, Pattern())
{
    /// <inheritdoc />
    public override string HelpLine(ReplyLanguage language) => AdministrationTexts.ForLanguage(language).RevokeCodeHelpLine;

    /// <inheritdoc />
    protected override CommandMatch? ReadOptions(Match match) =>
        new CommandMatch(new AdministrationDraft(Code: match.Groups["code"].Success ? match.Groups["code"].Value : null));

    [GeneratedRegex(@"^(?:作废邀请码|停用邀请码|revoke\s+(?:join\s+)?code)(?:\s*(?<code>[0-9]{4,12}))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
