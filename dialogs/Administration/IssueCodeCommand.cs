using System.Text.RegularExpressions;
using ChatReport.Dialogs.Commands;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Localization;

namespace ChatReport.Dialogs.Administration;

/// <summary>生成邀请码 [支部] / issue code [branch].</summary>
public sealed partial class IssueCodeCommand(IssueCodeDialog dialog) : IChatCommand
{
    /// <inheritdoc />
    public Dialog Dialog => dialog;

    /// <inheritdoc />
    public CommandAudience Audience => CommandAudience.Reviewers;

    /// <inheritdoc />
    public CommandMatch? Match(string text)
    {
        var match = Pattern().Match(text ?? "");
        return match.Success ? new CommandMatch(new AdministrationDraft(Branch: CommandWords.Join(CommandWords.Split(match.Groups["branch"].Value)))) : null;
    }

    /// <inheritdoc />
    public string HelpLine(ReplyLanguage language) => AdministrationTexts.ForLanguage(language).IssueCodeHelpLine;

    [GeneratedRegex(@"^(?:生成邀请码|新邀请码|发邀请码|issue\s+(?:a\s+)?(?:join\s+)?code)(?:\s+(?<branch>.+))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Pattern();
}
