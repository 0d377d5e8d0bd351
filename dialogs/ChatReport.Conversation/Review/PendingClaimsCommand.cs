using System.Text.RegularExpressions;
using ChatReport.Conversation.Commands;
using ChatReport.Dialogs.Localization;

namespace ChatReport.Conversation.Review;

/// <summary>待审核 / 审核 / pending: lists the claims waiting for the user's review.</summary>
public sealed partial class PendingClaimsCommand(PendingClaimsDialog dialog) : FixedWordsCommand(dialog, CommandAudience.Reviewers, Pattern())
{
    /// <inheritdoc />
    public override string HelpLine(ReplyLanguage language) => ReviewTexts.ForLanguage(language).HelpPending;

    [GeneratedRegex(@"^(?:待审核|待审|审核|审核申报|pending|pending claims|review)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
