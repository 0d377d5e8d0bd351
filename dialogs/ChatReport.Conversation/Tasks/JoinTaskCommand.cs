using System.Globalization;
using System.Text.RegularExpressions;
using ChatReport.Conversation.Commands;
using ChatReport.Dialogs.Localization;

namespace ChatReport.Conversation.Tasks;

/// <summary>报名 7 / join task 7: a member signs up for a task.</summary>
public sealed partial class JoinTaskCommand(JoinTaskDialog dialog) : PatternCommand(dialog, CommandAudience.Members, Pattern())
{
    /// <inheritdoc />
    public override string HelpLine(ReplyLanguage language) => TaskTexts.ForLanguage(language).HelpMember;

    /// <inheritdoc />
    protected override CommandMatch? ReadOptions(Match match) =>
        long.TryParse(match.Groups["id"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? new CommandMatch(new TaskNumber(id))
            : null;

    [GeneratedRegex(@"^(?:报名|报名任务|join task|join|sign up)\s*(?:第\s*)?#?(?<id>\d{1,18})(?:\s*号)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
