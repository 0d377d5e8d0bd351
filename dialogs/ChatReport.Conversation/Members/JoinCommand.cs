using System.Text.RegularExpressions;
using ChatReport.Conversation.Commands;
using ChatReport.Dialogs.Localization;

namespace ChatReport.Conversation.Members;

/// <summary>加入 123456 / 加入支部 123456 / join 123456 (or the word alone, then the code is asked for).</summary>
public sealed partial class JoinCommand(JoinDialog dialog) : PatternCommand(dialog, CommandAudience.Everyone, Pattern())
{
    /// <inheritdoc />
    public override string HelpLine(ReplyLanguage language) => MemberTexts.ForLanguage(language).JoinHelpLine;

    /// <inheritdoc />
    protected override CommandMatch? ReadOptions(Match match) =>
        new CommandMatch(new JoinOptions(match.Groups["code"].Success ? match.Groups["code"].Value : null));

    [GeneratedRegex(@"^(?:加入|我要加入|申请加入|join)(?:支部|党支部|branch)?\s*[:：]?\s*(?<code>[a-z0-9]{4,12})?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
