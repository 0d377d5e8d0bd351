using ChatReport.Conversation.Commands;
using ChatReport.Conversation.Domain;
using ChatReport.Conversation.Understanding;
using ChatReport.Dialogs.Engine;

namespace ChatReport.Conversation.Main;

/// <summary>Takes questions and chit-chat (积分是怎么算的？, 你好, thanks) before anything may read them as a deed.</summary>
public sealed class SmallTalkTextHandler : IUnmatchedTextHandler
{
    private readonly IRuleBook _rules;

    /// <summary>Creates the handler.</summary>
    /// <param name="dialog">The dialog that answers.</param>
    /// <param name="rules">The rules, to notice a deduction told.</param>
    public SmallTalkTextHandler(SmallTalkDialog dialog, IRuleBook rules)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        ArgumentNullException.ThrowIfNull(rules);
        Dialog = dialog;
        _rules = rules;
    }

    /// <inheritdoc />
    public Dialog Dialog { get; }

    /// <inheritdoc />
    public async Task<CommandMatch?> MatchAsync(DialogContext dc, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var intent = MessageIntentReader.Read(dc.Context.Activity.Text ?? text, await _rules.ListActiveAsync(cancellationToken));
        return intent == MessageIntent.None ? null : new CommandMatch(intent);
    }
}
