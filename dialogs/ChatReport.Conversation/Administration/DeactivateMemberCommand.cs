using System.Text.RegularExpressions;
using ChatReport.Conversation.Commands;
using ChatReport.Dialogs.Localization;

namespace ChatReport.Conversation.Administration;

/// <summary>停用 名字 / deactivate &lt;name&gt;.</summary>
public sealed partial class DeactivateMemberCommand(DeactivateMemberDialog dialog) : PatternCommand(dialog, CommandAudience.Administrators, Pattern())
{
    /// <inheritdoc />
    public override string HelpLine(ReplyLanguage language) => AdministrationTexts.ForLanguage(language).DeactivateMemberHelpLine;

    /// <inheritdoc />
    protected override CommandMatch? ReadOptions(Match match) =>
        new CommandMatch(new AdministrationDraft(Member: CommandWords.Join(CommandWords.Split(match.Groups["name"].Value))));

    [GeneratedRegex(@"^(?:停用党员|停用|deactivate(?:\s+member)?)(?:\s+(?<name>.+))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Pattern();
}
