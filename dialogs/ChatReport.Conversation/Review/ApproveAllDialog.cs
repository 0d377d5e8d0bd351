using ChatReport.Conversation.Common;
using ChatReport.Conversation.Domain;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Prompts;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Conversation.Review;

/// <summary>
/// Approves every pending claim the reviewer may decide (全部通过), after confirming the count.
/// Only the claims counted in the question are approved: one that arrives while the reviewer
/// thinks waits for the next look.
/// </summary>
public sealed class ApproveAllDialog : ComponentDialog
{
    private readonly IMemberDirectory _members;
    private readonly IClaimBook _claims;
    private readonly IReviewNotifier _notifier;

    /// <summary>Creates the dialog over the domain ports.</summary>
    public ApproveAllDialog(IMemberDirectory members, IClaimBook claims, IReviewNotifier notifier)
        : base(nameof(ApproveAllDialog))
    {
        _members = members;
        _claims = claims;
        _notifier = notifier;
        AddDialog(new WaterfallDialog<ApproveAllState>(nameof(WaterfallDialog), () => new ApproveAllState(), CountStepAsync, ApproveStepAsync));
        AddDialog(new ConfirmPrompt(nameof(ConfirmPrompt)));
    }

    /// <inheritdoc />
    public override string? GetHelpText(DialogContext dc)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return dc.Texts<ReviewTexts>().DecideHelp;
    }

    private async Task<DialogTurnResult> CountStepAsync(WaterfallStepContext<ApproveAllState> step, CancellationToken cancellationToken)
    {
        var texts = step.Texts<ReviewTexts>();
        var actor = await ReviewAccess.FindActorAsync(_members, step.Context, cancellationToken);
        if (actor is null)
        {
            await step.Context.SendTextAsync(texts.NotAMember, cancellationToken);
            return await step.EndDialogAsync(cancellationToken);
        }

        var units = await ReviewAccess.ReviewedUnitsAsync(_members, step.Context, cancellationToken);
        if (units.Count == 0)
        {
            await step.Context.SendTextAsync(texts.NotAReviewer, cancellationToken);
            return await step.EndDialogAsync(cancellationToken);
        }

        var ids = new List<long>();
        foreach (var unitId in units)
        {
            ids.AddRange((await _claims.ListPendingAsync(unitId, null, cancellationToken)).Where(c => c.MemberId != actor.Id).Select(c => c.Id));
        }

        if (ids.Count == 0)
        {
            await step.Context.SendTextAsync(texts.ApproveAllNone, cancellationToken);
            return await step.EndDialogAsync(cancellationToken);
        }

        step.State = new ApproveAllState(actor.Id, ids);
        return await step.PromptAsync(nameof(ConfirmPrompt), new PromptOptions { Prompt = texts.ConfirmApproveAll(ids.Count), MaxAttempts = 3 }, cancellationToken);
    }

    private async Task<DialogTurnResult> ApproveStepAsync(WaterfallStepContext<ApproveAllState> step, CancellationToken cancellationToken)
    {
        var texts = step.Texts<ReviewTexts>();
        if (step.Result is not true)
        {
            await step.Context.SendTextAsync(texts.ApproveAllCancelled, cancellationToken);
            return await step.EndDialogAsync(cancellationToken);
        }

        var (approved, skipped) = (0, 0);
        foreach (var claimId in step.State.ClaimIds ?? [])
        {
            var change = await _claims.DecideAsync(new ReviewRequest(claimId, step.State.ReviewerId, ReviewAction.Approve), cancellationToken);
            if (change.Status == ClaimChangeStatus.Done)
            {
                approved++;
                await _notifier.DecisionMadeAsync(change, cancellationToken);
            }
            else
            {
                skipped++;
            }
        }

        await step.Context.SendTextAsync(texts.ApprovedAll(approved, skipped), cancellationToken);
        return await step.EndDialogAsync(approved, cancellationToken);
    }
}
