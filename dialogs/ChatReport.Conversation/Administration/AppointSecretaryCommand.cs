using System.Text.RegularExpressions;
using ChatReport.Conversation.Commands;
using ChatReport.Dialogs.Localization;

namespace ChatReport.Conversation.Administration;

/// <summary>任命书记 支部 名字 / appoint secretary &lt;branch&gt; &lt;name&gt;; missing parts are asked for.</summary>
public sealed partial class AppointSecretaryCommand(AppointSecretaryDialog dialog) : PatternCommand(dialog, CommandAudience.Administrators, Pattern())
{
    /// <inheritdoc />
    public override string HelpLine(ReplyLanguage language) => AdministrationTexts.ForLanguage(language).AppointSecretaryHelpLine;

    /// <inheritdoc />
    protected override CommandMatch? ReadOptions(Match match)
    {
        var words = CommandWords.Split(match.Groups["rest"].Value);
        return new CommandMatch(new AdministrationDraft(Branch: words.Count > 0 ? words[0] : null, Member: CommandWords.Join(words.Skip(1))));
    }

    [GeneratedRegex(@"^(?:任命书记|任命支部书记|更换书记|appoint\s+secretary)(?:\s+(?<rest>.+))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Pattern();
}
