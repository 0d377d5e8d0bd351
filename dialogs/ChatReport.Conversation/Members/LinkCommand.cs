using ChatReport.Conversation.Commands;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Localization;

namespace ChatReport.Conversation.Members;

/// <summary>绑定 / 绑定账号 / link, alone: a member asks for a one-time code to use another account too.</summary>
public sealed class LinkCommand : IChatCommand
{
    private static readonly HashSet<string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        "绑定", "绑定账号", "关联", "关联账号", "换手机", "link", "link account",
    };

    /// <summary>Creates the command over its dialog.</summary>
    /// <param name="dialog">The link dialog.</param>
    public LinkCommand(LinkDialog dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        Dialog = dialog;
    }

    /// <inheritdoc />
    public Dialog Dialog { get; }

    /// <inheritdoc />
    public CommandAudience Audience => CommandAudience.Members;

    /// <inheritdoc />
    public CommandMatch? Match(string text) => Words.Contains(text ?? string.Empty) ? new CommandMatch(new LinkOptions(null)) : null;

    /// <inheritdoc />
    public string HelpLine(ReplyLanguage language) => MemberTexts.ForLanguage(language).LinkHelpLine;
}
