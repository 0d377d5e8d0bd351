using System.Text.RegularExpressions;
using ChatReport.Conversation.Commands;
using ChatReport.Dialogs.Localization;

namespace ChatReport.Conversation.Members;

/// <summary>
/// 绑定 123456 / link 123456: on a new account, redeems the code the member got on the account
/// they already use. Open to everyone, because the new account is not known yet.
/// </summary>
public sealed partial class LinkCodeCommand(LinkDialog dialog) : PatternCommand(dialog, CommandAudience.Everyone, Pattern())
{
    /// <inheritdoc />
    public override string HelpLine(ReplyLanguage language) => MemberTexts.ForLanguage(language).LinkCodeHelpLine;

    /// <inheritdoc />
    protected override CommandMatch? ReadOptions(Match match) => new CommandMatch(new LinkOptions(match.Groups["code"].Value));

    [GeneratedRegex(@"^(?:绑定|绑定账号|关联|关联账号|link|link account)\s*[:：]?\s*(?<code>[0-9]{6})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
