using System.Text.RegularExpressions;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Localization;

namespace ChatReport.Conversation.Commands;

/// <summary>
/// A command recognised by one pattern whose groups carry what the user said after the command
/// word (通过 12, 调动 张三 一支部): text the pattern does not match is not this command, and
/// <see cref="ReadOptions"/> turns a match into the dialog's options.
/// </summary>
/// <param name="dialog">The dialog the command begins.</param>
/// <param name="audience">Who may use it.</param>
/// <param name="pattern">The command's words and what may follow them, anchored at the start.</param>
public abstract class PatternCommand(Dialog dialog, CommandAudience audience, Regex pattern) : IChatCommand
{
    /// <inheritdoc />
    public Dialog Dialog => dialog;

    /// <inheritdoc />
    public CommandAudience Audience => audience;

    /// <inheritdoc />
    public CommandMatch? Match(string text) =>
        pattern.Match(text ?? string.Empty) is { Success: true } match ? ReadOptions(match) : null;

    /// <inheritdoc />
    public abstract string HelpLine(ReplyLanguage language);

    /// <summary>The options the matched words ask for, or null when they do not make this command after all.</summary>
    /// <param name="match">The pattern's successful match.</param>
    /// <returns>What to begin the dialog with, or null.</returns>
    protected abstract CommandMatch? ReadOptions(Match match);
}
