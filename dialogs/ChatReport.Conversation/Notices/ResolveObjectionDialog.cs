using ChatReport.Conversation.Common;
using ChatReport.Conversation.Domain;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Conversation.Notices;

/// <summary>异议成立 / 异议驳回: a reviewer resolves an objection; the objector is told the outcome and the reason.</summary>
/// <param name="members">Who is deciding.</param>
/// <param name="objections">The objections.</param>
/// <param name="notifier">Tells the objector.</param>
public sealed class ResolveObjectionDialog(IMemberDirectory members, IObjectionBook objections, IObjectionNotifier notifier) : Dialog(nameof(ResolveObjectionDialog))
{
    /// <inheritdoc />
    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var texts = dc.Texts<ObjectionTexts>();
        if (await ReviewAccess.FindActorAsync(members, dc.Context, cancellationToken) is not { } actor)
        {
            await dc.Context.SendTextAsync(texts.NotAllowed, cancellationToken);
            return await dc.EndDialogAsync(cancellationToken);
        }

        if (options is not ResolveObjectionOptions { ObjectionId: { } id, Reason: { } reason } asked)
        {
            await dc.Context.SendTextAsync(texts.ResolveUsage, cancellationToken);
            return await dc.EndDialogAsync(cancellationToken);
        }

        var result = await objections.DecideAsync(new ObjectionDecision(id, actor.Id, asked.Uphold, asked.Points, reason), cancellationToken);
        var reply = result switch
        {
            { Status: ObjectionDecisionStatus.Done, Objection: { } done } => asked.Uphold ? texts.Upheld(done, result.Correction?.Points ?? 0) : texts.Dismissed(done),
            { Status: ObjectionDecisionStatus.AlreadyResolved, Objection: { } earlier } => texts.AlreadyResolved(earlier),
            { Status: ObjectionDecisionStatus.NeedsPoints } => texts.NeedsPoints(id),
            { Status: ObjectionDecisionStatus.NotAllowed } => texts.NotAllowed,
            _ => texts.NotFound(id),
        };
        await dc.Context.SendTextAsync(reply, cancellationToken);
        if (result is { Status: ObjectionDecisionStatus.Done, Objection: { } resolved })
        {
            await notifier.ObjectionResolvedAsync(resolved, cancellationToken);
        }

        return await dc.EndDialogAsync(result, cancellationToken);
    }
}
