using ChatReport.Conversation.Commands;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Localization;

namespace ChatReport.Conversation.Notices;

/// <summary>异议列表 / 查看异议 / objections: the open objections of the branches the reviewer reviews.</summary>
public sealed class ObjectionsCommand(ObjectionsDialog dialog) : IChatCommand
{
    private static readonly HashSet<string> s_words = new(StringComparer.OrdinalIgnoreCase) { "异议列表", "查看异议", "異議列表", "objections", "list objections" };

    /// <inheritdoc />
    public Dialog Dialog => dialog;

    /// <inheritdoc />
    public CommandAudience Audience => CommandAudience.Reviewers;

    /// <inheritdoc />
    public CommandMatch? Match(string text) => s_words.Contains(text ?? "") ? CommandMatch.NoOptions : null;

    /// <inheritdoc />
    public string HelpLine(ReplyLanguage language) => ObjectionTexts.ForLanguage(language).ResolveHelpLine;
}
