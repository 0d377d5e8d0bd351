using System.Text.RegularExpressions;
using ChatReport.Dialogs.Engine;

namespace ChatReport.Conversation.Commands;

/// <summary>
/// A command said in fixed words with nothing after them (订阅, 重新加载规则): its pattern must
/// match the whole message, and its dialog begins without options.
/// </summary>
/// <param name="dialog">The dialog the command begins.</param>
/// <param name="audience">Who may use it.</param>
/// <param name="pattern">The words, anchored at both ends.</param>
public abstract class FixedWordsCommand(Dialog dialog, CommandAudience audience, Regex pattern) : PatternCommand(dialog, audience, pattern)
{
    /// <inheritdoc />
    protected sealed override CommandMatch? ReadOptions(Match match) => CommandMatch.NoOptions;
}
