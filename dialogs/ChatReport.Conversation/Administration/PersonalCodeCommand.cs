using System.Text.RegularExpressions;
using ChatReport.Conversation.Commands;
using ChatReport.Dialogs.Localization;

namespace ChatReport.Conversation.Administration;

/// <summary>个人邀请码 名字 / personal code &lt;name&gt;: a one-time code that claims one roster entry, roles and all.</summary>
public sealed partial class PersonalCodeCommand(PersonalCodeDialog dialog) : PatternCommand(dialog, CommandAudience.Reviewers, Pattern())
{
    /// <inheritdoc />
    public override string HelpLine(ReplyLanguage language) => AdministrationTexts.ForLanguage(language).PersonalCodeHelpLine;

    /// <inheritdoc />
    protected override CommandMatch? ReadOptions(Match match) =>
        new CommandMatch(new AdministrationDraft(Member: CommandWords.Join(CommandWords.Split(match.Groups["name"].Value))));

    [GeneratedRegex(@"^(?:个人邀请码|个人加入码|个人码|personal\s+(?:join\s+)?code)(?:\s+(?:for\s+)?(?<name>.+))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Pattern();
}
