using System.Globalization;
using System.Text.RegularExpressions;
using ChatReport.Conversation.Commands;
using ChatReport.Dialogs.Localization;

namespace ChatReport.Conversation.Deductions;

/// <summary>扣分 张三 5 原因 / deduct Zhang 5 reason; any part may be left for the dialog to ask.</summary>
public sealed partial class DeductCommand(DeductDialog dialog) : PatternCommand(dialog, CommandAudience.Reviewers, Pattern())
{
    /// <inheritdoc />
    public override string HelpLine(ReplyLanguage language) => DeductionTexts.ForLanguage(language).HelpLine;

    /// <inheritdoc />
    protected override CommandMatch? ReadOptions(Match match)
    {
        int? points = match.Groups["points"].Success
            ? int.TryParse(match.Groups["points"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : int.MaxValue
            : null;
        return new CommandMatch(new DeductionRequestText(
            match.Groups["name"].Success ? match.Groups["name"].Value : null,
            points,
            match.Groups["reason"].Success ? match.Groups["reason"].Value.Trim() : null));
    }

    [GeneratedRegex(@"^(?:扣分|deduct)(?:\s+(?<name>[^\s\d]\S*))?(?:\s+(?<points>\d{1,9})\s*(?:分|points?|pts)?)?(?:\s+(?<reason>.+))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Pattern();
}
