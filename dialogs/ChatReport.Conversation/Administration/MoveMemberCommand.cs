using System.Text.RegularExpressions;
using ChatReport.Conversation.Commands;
using ChatReport.Dialogs.Localization;

namespace ChatReport.Conversation.Administration;

/// <summary>调动 名字 [到] 支部 / move &lt;name&gt; [to] &lt;branch&gt;; missing parts are asked for.</summary>
public sealed partial class MoveMemberCommand(MoveMemberDialog dialog) : PatternCommand(dialog, CommandAudience.Administrators, Pattern())
{
    /// <inheritdoc />
    public override string HelpLine(ReplyLanguage language) => AdministrationTexts.ForLanguage(language).MoveMemberHelpLine;

    /// <inheritdoc />
    protected override CommandMatch? ReadOptions(Match match)
    {
        var words = CommandWords.Split(match.Groups["rest"].Value)
            .Where(w => !w.Equals("到", StringComparison.Ordinal) && !w.Equals("to", StringComparison.OrdinalIgnoreCase))
            .ToList();
        return new CommandMatch(new AdministrationDraft(Member: words.FirstOrDefault(), Branch: CommandWords.Join(words.Skip(1))));
    }

    [GeneratedRegex(@"^(?:调动|调转|move(?:\s+member)?)(?:\s+(?<rest>.+))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Pattern();
}
