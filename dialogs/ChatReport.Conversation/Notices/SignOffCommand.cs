using System.Text.RegularExpressions;
using ChatReport.Conversation.Commands;
using ChatReport.Dialogs.Localization;

namespace ChatReport.Conversation.Notices;

/// <summary>签字确认 2026Q4 / sign off 2026Q4 (簽字確認 too): the secretary confirms a quarter's notice; without a quarter, the last one that ended.</summary>
/// <remarks>簽 is matched here because the normalizer's traditional table does not carry it.</remarks>
public sealed partial class SignOffCommand(SignOffDialog dialog) : PatternCommand(dialog, CommandAudience.Reviewers, Pattern())
{
    /// <inheritdoc />
    public override string HelpLine(ReplyLanguage language) => NoticeTexts.ForLanguage(language).HelpSignOff;

    /// <inheritdoc />
    protected override CommandMatch? ReadOptions(Match match)
    {
        var rest = match.Groups["rest"].Value.Trim();
        if (rest.Length == 0)
        {
            return new CommandMatch(new SignOffOptions(null));
        }

        return QuarterText.TryFind(rest, out var quarter, out var left) && left.Length == 0 ? new CommandMatch(new SignOffOptions(quarter)) : null;
    }

    [GeneratedRegex(@"^(?:[签簽]字确认公示|[签簽]字确认|确认公示|[签簽]字|sign off|sign-off|signoff)(?<rest>\s*.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
