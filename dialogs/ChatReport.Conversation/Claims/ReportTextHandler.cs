using ChatReport.Conversation.Commands;
using ChatReport.Conversation.Domain;
using ChatReport.Dialogs.Engine;

namespace ChatReport.Conversation.Claims;

/// <summary>Takes a deed told without 申报 (昨天下午在村口扫雪) as the start of a report.</summary>
public sealed class ReportTextHandler : IUnmatchedTextHandler
{
    private readonly IRuleBook _rules;
    private readonly TimeProvider _time;

    /// <summary>Creates the handler.</summary>
    /// <param name="dialog">The report dialog.</param>
    /// <param name="rules">The rules, for their keywords.</param>
    /// <param name="time">The clock.</param>
    public ReportTextHandler(ReportDialog dialog, IRuleBook rules, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(time);
        Dialog = dialog;
        _rules = rules;
        _time = time;
    }

    /// <inheritdoc />
    public Dialog Dialog { get; }

    /// <inheritdoc />
    public async Task<CommandMatch?> MatchAsync(DialogContext dc, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var rules = await _rules.ListActiveAsync(cancellationToken);
        return DeedSentenceParser.LooksLikeDeed(text, rules, dc.UserLocale, _time.GetUtcNow())
            ? new CommandMatch(new ReportOptions(dc.Context.Activity.Text))
            : null;
    }
}
