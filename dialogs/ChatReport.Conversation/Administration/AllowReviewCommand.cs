using System.Text.RegularExpressions;
using ChatReport.Conversation.Commands;
using ChatReport.Dialogs.Localization;

namespace ChatReport.Conversation.Administration;

/// <summary>允许审核 名字 / allow review &lt;name&gt;: a secretary or administrator lets a committee member review.</summary>
public sealed partial class AllowReviewCommand(AllowReviewDialog dialog) : PatternCommand(dialog, CommandAudience.Reviewers, Pattern())
{
    /// <inheritdoc />
    public override string HelpLine(ReplyLanguage language) => AdministrationTexts.ForLanguage(language).AllowReviewHelpLine;

    /// <inheritdoc />
    protected override CommandMatch? ReadOptions(Match match) =>
        new CommandMatch(new AdministrationDraft(Member: CommandWords.Join(CommandWords.Split(match.Groups["name"].Value))));

    // 許 is not in the normalizer's table, so the traditional form is spelled out here.
    [GeneratedRegex(@"^(?:允[许許]审核|allow\s+review(?:ing)?)(?:\s+(?<name>.+))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Pattern();
}
