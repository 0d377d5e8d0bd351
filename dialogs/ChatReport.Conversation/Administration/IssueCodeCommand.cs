using System.Text.RegularExpressions;
using ChatReport.Conversation.Commands;
using ChatReport.Dialogs.Localization;

namespace ChatReport.Conversation.Administration;

/// <summary>生成邀请码 [支部] [50人] / issue code [branch] [50 uses].</summary>
public sealed partial class IssueCodeCommand(IssueCodeDialog dialog) : PatternCommand(dialog, CommandAudience.Reviewers, Pattern())
{
    /// <inheritdoc />
    public override string HelpLine(ReplyLanguage language) => AdministrationTexts.ForLanguage(language).IssueCodeHelpLine;

    /// <inheritdoc />
    protected override CommandMatch? ReadOptions(Match match)
    {
        var rest = match.Groups["rest"].Value;
        int? maxUses = null;
        if (Uses().Match(rest) is { Success: true } uses
            && int.TryParse(uses.Groups["uses"].Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count) && count > 0)
        {
            maxUses = count;
            rest = rest[..uses.Index];
        }

        return new CommandMatch(new AdministrationDraft(Branch: CommandWords.Join(CommandWords.Split(rest)), MaxUses: maxUses));
    }

    [GeneratedRegex(@"^(?:生成邀请码|新邀请码|发邀请码|issue\s+(?:a\s+)?(?:join\s+)?code)(?<rest>(?:\s+.+)?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Pattern();

    // 50人 / 50次 / 限50人 / for 50 uses, at the end; the word is required, so a branch named 一支部2 stays a name.
    [GeneratedRegex(@"\s*(?:限|for\s+)?(?<uses>\d{1,5})\s*(?:人|次|uses?|people|members?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Uses();
}
