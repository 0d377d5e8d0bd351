using System.Text.RegularExpressions;
using ChatReport.Conversation.Commands;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Localization;

namespace ChatReport.Conversation.Administration;

/// <summary>允许审核 名字 / allow review &lt;name&gt;: a secretary or administrator lets a committee member review.</summary>
public sealed partial class AllowReviewCommand(AllowReviewDialog dialog) : IChatCommand
{
    /// <inheritdoc />
    public Dialog Dialog => dialog;

    /// <inheritdoc />
    public CommandAudience Audience => CommandAudience.Reviewers;

    /// <inheritdoc />
    public CommandMatch? Match(string text)
    {
        var match = Pattern().Match(text ?? "");
        return match.Success ? new CommandMatch(new AdministrationDraft(Member: CommandWords.Join(CommandWords.Split(match.Groups["name"].Value)))) : null;
    }

    /// <inheritdoc />
    public string HelpLine(ReplyLanguage language) => AdministrationTexts.ForLanguage(language).AllowReviewHelpLine;

    // 許 is not in the normalizer's table, so the traditional form is spelled out here.
    [GeneratedRegex(@"^(?:允[许許]审核|allow\s+review(?:ing)?)(?:\s+(?<name>.+))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Pattern();
}
