using System.Text.RegularExpressions;
using ChatReport.Conversation.Commands;
using ChatReport.Dialogs.Localization;

namespace ChatReport.Conversation.Tasks;

/// <summary>发布任务 / post task: a reviewer posts a chance to earn points.</summary>
public sealed partial class PostTaskCommand(PostTaskDialog dialog) : FixedWordsCommand(dialog, CommandAudience.Reviewers, Pattern())
{
    /// <inheritdoc />
    public override string HelpLine(ReplyLanguage language) => TaskTexts.ForLanguage(language).HelpReviewer;

    [GeneratedRegex(@"^(?:发布任务|发任务|创建任务|post task|new task)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
