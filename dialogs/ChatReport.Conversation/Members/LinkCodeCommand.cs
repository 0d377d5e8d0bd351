using System.Text.RegularExpressions;
using ChatReport.Conversation.Commands;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Localization;

namespace ChatReport.Conversation.Members;

/// <summary>
/// 绑定 123456 / link 123456: on a new account, redeems the code the member got on the account
/// they already use. Open to everyone, because the new account is not known yet.
/// </summary>
public sealed partial class LinkCodeCommand : IChatCommand
{
    /// <summary>Creates the command over its dialog.</summary>
    /// <param name="dialog">The link dialog.</param>
    public LinkCodeCommand(LinkDialog dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        Dialog = dialog;
    }

    /// <inheritdoc />
    public Dialog Dialog { get; }

    /// <inheritdoc />
    public CommandAudience Audience => CommandAudience.Everyone;

    /// <inheritdoc />
    public CommandMatch? Match(string text)
    {
        var match = Pattern().Match(text ?? string.Empty);
        return match.Success ? new CommandMatch(new LinkOptions(match.Groups["code"].Value)) : null;
    }

    /// <inheritdoc />
    public string HelpLine(ReplyLanguage language) => MemberTexts.ForLanguage(language).LinkCodeHelpLine;

    [GeneratedRegex(@"^(?:绑定|绑定账号|关联|关联账号|link|link account)\s*[:：]?\s*(?<code>[0-9]{6})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
