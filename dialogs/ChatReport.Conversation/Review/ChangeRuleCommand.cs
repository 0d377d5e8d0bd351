using System.Globalization;
using System.Text.RegularExpressions;
using ChatReport.Conversation.Commands;
using ChatReport.Dialogs.Localization;

namespace ChatReport.Conversation.Review;

/// <summary>
/// 改规则 12 义务劳动 / change-rule 12 voluntary_labour: a reviewer moves a pending claim to
/// another rule; without a rule, the rules are offered as buttons (the card's 改规则 button).
/// </summary>
public sealed partial class ChangeRuleCommand(ChangeRuleDialog dialog) : PatternCommand(dialog, CommandAudience.Reviewers, Pattern())
{
    /// <inheritdoc />
    public override string HelpLine(ReplyLanguage language) => RuleChangeTexts.ForLanguage(language).HelpChangeRule;

    /// <inheritdoc />
    protected override CommandMatch? ReadOptions(Match match)
    {
        if (!long.TryParse(match.Groups["id"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return null;
        }

        var rule = match.Groups["rule"] is { Success: true } said && !string.IsNullOrWhiteSpace(said.Value) ? said.Value.Trim() : null;
        return new CommandMatch(new RuleChangeOptions(id, rule));
    }

    [GeneratedRegex(@"^(?:改规则|改项目|换规则|change[- ]rule|change rule of)\s*(?:第\s*)?#?(?<id>\d{1,18})(?:\s*号)?(?:\s*(?:[,，:：]|改为|改成|为|to\b)?\s*(?<rule>.+))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Pattern();
}
