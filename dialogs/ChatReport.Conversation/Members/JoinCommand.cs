using System.Text.RegularExpressions;
using ChatReport.Conversation.Commands;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Localization;

namespace ChatReport.Conversation.Members;

/// <summary>加入 123456 / 加入支部 123456 / join 123456 (or the word alone, then the code is asked for).</summary>
public sealed partial class JoinCommand : IChatCommand
{
    /// <summary>Creates the command over its dialog.</summary>
    /// <param name="dialog">The join dialog.</param>
    public JoinCommand(JoinDialog dialog)
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
        return match.Success
            ? new CommandMatch(new JoinOptions(match.Groups["code"].Success ? match.Groups["code"].Value : null))
            : null;
    }

    /// <inheritdoc />
    public string HelpLine(ReplyLanguage language) => MemberTexts.ForLanguage(language).JoinHelpLine;

    [GeneratedRegex(@"^(?:加入|我要加入|申请加入|join)(?:支部|党支部|branch)?\s*[:：]?\s*(?<code>[a-z0-9]{4,12})?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
