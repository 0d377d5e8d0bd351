using System.Text.RegularExpressions;
using ChatReport.Conversation.Commands;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Localization;

namespace ChatReport.Conversation.Administration;

/// <summary>停用 名字 / deactivate &lt;name&gt;.</summary>
public sealed partial class DeactivateMemberCommand(DeactivateMemberDialog dialog) : IChatCommand
{
    /// <inheritdoc />
    public Dialog Dialog => dialog;

    /// <inheritdoc />
    public CommandAudience Audience => CommandAudience.Administrators;

    /// <inheritdoc />
    public CommandMatch? Match(string text)
    {
        var match = Pattern().Match(text ?? "");
        return match.Success ? new CommandMatch(new AdministrationDraft(Member: CommandWords.Join(CommandWords.Split(match.Groups["name"].Value)))) : null;
    }

    /// <inheritdoc />
    public string HelpLine(ReplyLanguage language) => AdministrationTexts.ForLanguage(language).DeactivateMemberHelpLine;

    [GeneratedRegex(@"^(?:停用党员|停用|deactivate(?:\s+member)?)(?:\s+(?<name>.+))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Pattern();
}
