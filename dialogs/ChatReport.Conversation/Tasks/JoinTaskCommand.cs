using System.Globalization;
using System.Text.RegularExpressions;
using ChatReport.Conversation.Commands;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Localization;

namespace ChatReport.Conversation.Tasks;

/// <summary>报名 7 / join task 7: a member signs up for a task.</summary>
public sealed partial class JoinTaskCommand(JoinTaskDialog dialog) : IChatCommand
{
    /// <inheritdoc />
    public Dialog Dialog => dialog;

    /// <inheritdoc />
    public CommandAudience Audience => CommandAudience.Members;

    /// <inheritdoc />
    public CommandMatch? Match(string text) =>
        Pattern().Match(text ?? "") is { Success: true } m && long.TryParse(m.Groups["id"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? new CommandMatch(new TaskNumber(id))
            : null;

    /// <inheritdoc />
    public string HelpLine(ReplyLanguage language) => TaskTexts.ForLanguage(language).HelpMember;

    [GeneratedRegex(@"^(?:报名|报名任务|join task|join|sign up)\s*(?:第\s*)?#?(?<id>\d{1,18})(?:\s*号)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
