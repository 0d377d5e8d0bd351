using System.Globalization;
using System.Text.RegularExpressions;
using ChatReport.Conversation.Commands;
using ChatReport.Dialogs.Localization;

namespace ChatReport.Conversation.Tasks;

/// <summary>确认任务 7 / complete task 7 and 取消任务 7 / cancel task 7 (one command: they share a dialog).</summary>
public sealed partial class CloseTaskCommand(CloseTaskDialog dialog) : PatternCommand(dialog, CommandAudience.Reviewers, Pattern())
{
    /// <inheritdoc />
    public override string HelpLine(ReplyLanguage language) => TaskTexts.ForLanguage(language).HelpReviewer;

    /// <inheritdoc />
    protected override CommandMatch? ReadOptions(Match match)
    {
        if (!long.TryParse(match.Groups["id"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return null;
        }

        var verb = match.Groups["verb"].Value;
        return new CommandMatch(new TaskNumber(id, verb.StartsWith("取消", StringComparison.Ordinal) || verb.StartsWith("cancel", StringComparison.OrdinalIgnoreCase)));
    }

    [GeneratedRegex(@"^(?<verb>确认任务|完成任务|取消任务|complete task|cancel task)\s*(?:第\s*)?#?(?<id>\d{1,18})(?:\s*号)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
