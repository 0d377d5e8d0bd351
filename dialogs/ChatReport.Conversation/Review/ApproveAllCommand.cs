using System.Text.RegularExpressions;
using ChatReport.Conversation.Commands;
using ChatReport.Dialogs.Localization;

namespace ChatReport.Conversation.Review;

/// <summary>全部通过 / approve all: approves every pending claim the user may decide, after a confirmation.</summary>
public sealed partial class ApproveAllCommand(ApproveAllDialog dialog) : FixedWordsCommand(dialog, CommandAudience.Reviewers, Pattern())
{
    /// <inheritdoc />
    public override string HelpLine(ReplyLanguage language) => ReviewTexts.ForLanguage(language).HelpApproveAll;

    [GeneratedRegex(@"^(?:全部通过|一键通过|都通过|approve all)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
