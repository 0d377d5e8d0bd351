using System.Text.RegularExpressions;
using ChatReport.Conversation.Commands;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Localization;

namespace ChatReport.Conversation.Administration;

/// <summary>调动 名字 [到] 支部 / move &lt;name&gt; [to] &lt;branch&gt;; missing parts are asked for.</summary>
public sealed partial class MoveMemberCommand(MoveMemberDialog dialog) : IChatCommand
{
    /// <inheritdoc />
    public Dialog Dialog => dialog;

    /// <inheritdoc />
    public CommandAudience Audience => CommandAudience.Administrators;

    /// <inheritdoc />
    public CommandMatch? Match(string text)
    {
        var match = Pattern().Match(text ?? "");
        if (!match.Success)
        {
            return null;
        }

        var words = CommandWords.Split(match.Groups["rest"].Value)
            .Where(w => !w.Equals("到", StringComparison.Ordinal) && !w.Equals("to", StringComparison.OrdinalIgnoreCase))
            .ToList();
        return new CommandMatch(new AdministrationDraft(Member: words.FirstOrDefault(), Branch: CommandWords.Join(words.Skip(1))));
    }

    /// <inheritdoc />
    public string HelpLine(ReplyLanguage language) => AdministrationTexts.ForLanguage(language).MoveMemberHelpLine;

    [GeneratedRegex(@"^(?:调动|调转|move(?:\s+member)?)(?:\s+(?<rest>.+))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Pattern();
}
