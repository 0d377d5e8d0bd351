using System.Globalization;
using System.Text.RegularExpressions;
using ChatReport.Conversation.Commands;
using ChatReport.Conversation.Domain;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Localization;

namespace ChatReport.Conversation.Review;

/// <summary>
/// 通过 12 / approve 12, 驳回 12 原因 / reject 12 reason, 改分 12 5 原因 / adjust 12 5 reason
/// (traditional 通過 and 駁回 arrive simplified). One command for the three, because they share
/// one dialog.
/// </summary>
public sealed partial class DecideClaimCommand(DecideClaimDialog dialog) : IChatCommand
{
    /// <inheritdoc />
    public Dialog Dialog => dialog;

    /// <inheritdoc />
    public CommandAudience Audience => CommandAudience.Reviewers;

    /// <inheritdoc />
    public CommandMatch? Match(string text)
    {
        text ??= "";
        if (ApprovePattern().Match(text) is { Success: true } approve && TryId(approve, out var approveId))
        {
            return new CommandMatch(new ReviewDecision(approveId, ReviewAction.Approve));
        }

        if (RejectPattern().Match(text) is { Success: true } reject && TryId(reject, out var rejectId))
        {
            return new CommandMatch(new ReviewDecision(rejectId, ReviewAction.Reject, Note: Optional(reject, "reason")));
        }

        if (AdjustPattern().Match(text) is { Success: true } adjust && TryId(adjust, out var adjustId))
        {
            // Points too large for an int are left for the dialog's range check, not silently dropped.
            int? points = adjust.Groups["points"].Success
                ? int.TryParse(adjust.Groups["points"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : int.MaxValue
                : null;
            return new CommandMatch(new ReviewDecision(adjustId, ReviewAction.Adjust, points, Optional(adjust, "reason")));
        }

        return null;
    }

    /// <inheritdoc />
    public string HelpLine(ReplyLanguage language)
    {
        var texts = ReviewTexts.ForLanguage(language);
        return string.Join('\n', texts.HelpApprove, texts.HelpReject, texts.HelpAdjust);
    }

    private static bool TryId(Match match, out long id) =>
        long.TryParse(match.Groups["id"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out id);

    private static string? Optional(Match match, string group) =>
        match.Groups[group] is { Success: true } g && !string.IsNullOrWhiteSpace(g.Value) ? g.Value.Trim() : null;

    private const string Id = @"\s*(?:第\s*)?#?(?<id>\d{1,18})(?:\s*号)?";

    [GeneratedRegex("^(?:通过|批准|同意|approve)" + Id + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ApprovePattern();

    [GeneratedRegex("^(?:驳回|不通过|reject)" + Id + @"(?:\s*[,，:：]?\s*(?<reason>.+))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex RejectPattern();

    [GeneratedRegex("^(?:改分|adjust)" + Id + @"(?:\s+(?:改为|改成|to\s+)?(?<points>\d+)\s*(?:分|points?|pts)?)?(?:\s*[,，:：]?\s*(?<reason>.+))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex AdjustPattern();
}
