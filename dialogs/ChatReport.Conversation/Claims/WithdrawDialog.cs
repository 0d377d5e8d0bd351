using ChatReport.Conversation.Common;
using ChatReport.Conversation.Domain;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Prompts;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Conversation.Claims;

/// <summary>Withdraws one of the member's own pending claims, after a confirmation.</summary>
public sealed class WithdrawDialog : ComponentDialog
{
    private readonly IMemberDirectory _members;
    private readonly IClaimBook _claims;

    /// <summary>Creates the dialog.</summary>
    /// <param name="members">Who is asking.</param>
    /// <param name="claims">The claims.</param>
    public WithdrawDialog(IMemberDirectory members, IClaimBook claims)
        : base(nameof(WithdrawDialog))
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(claims);
        _members = members;
        _claims = claims;
        AddDialog(WaterfallDialog.Create<WithdrawOptions, WithdrawState>(
            nameof(WaterfallDialog), options => new WithdrawState(options.ClaimId), NumberStepAsync, ConfirmStepAsync, WithdrawStepAsync));
        AddDialog(new NumberPrompt<long>(nameof(NumberPrompt<long>)));
        AddDialog(new ConfirmPrompt(nameof(ConfirmPrompt)));
    }

    /// <inheritdoc />
    public override string? GetHelpText(DialogContext dc)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return dc.Texts<ClaimTexts>().WithdrawHelpLine;
    }

    private async Task<DialogTurnResult> NumberStepAsync(WaterfallStepContext<WithdrawState> step, CancellationToken cancellationToken)
    {
        if (await CurrentMember.RequireAsync(_members, step.Context, step.Texts<ConversationTexts>(), cancellationToken) is null)
        {
            return await step.EndDialogAsync(cancellationToken);
        }

        return step.State.ClaimId is { } id
            ? await step.NextAsync(id, cancellationToken)
            : await step.PromptAsync(nameof(NumberPrompt<long>), new PromptOptions { Prompt = step.Texts<ClaimTexts>().AskClaimNumber }, cancellationToken);
    }

    private async Task<DialogTurnResult> ConfirmStepAsync(WaterfallStepContext<WithdrawState> step, CancellationToken cancellationToken)
    {
        var texts = step.Texts<ClaimTexts>();
        var id = (long)step.Result!;
        step.State = new WithdrawState(id);
        var member = await CurrentMember.FindAsync(_members, step.Context, cancellationToken);
        var claim = await _claims.GetAsync(id, cancellationToken);
        if (claim is null || member is null || claim.MemberId != member.Id)
        {
            await step.Context.SendTextAsync(texts.ClaimNotFound(id), cancellationToken);
            return await step.EndDialogAsync(cancellationToken);
        }

        if (claim.Status != ClaimStatus.Pending)
        {
            await step.Context.SendTextAsync(texts.ClaimNotPending(id), cancellationToken);
            return await step.EndDialogAsync(cancellationToken);
        }

        return await step.PromptAsync(nameof(ConfirmPrompt), new PromptOptions { Prompt = texts.ConfirmWithdraw(id, claim.Description) }, cancellationToken);
    }

    private async Task<DialogTurnResult> WithdrawStepAsync(WaterfallStepContext<WithdrawState> step, CancellationToken cancellationToken)
    {
        var texts = step.Texts<ClaimTexts>();
        var id = step.State.ClaimId!.Value;
        if (step.Result is not true)
        {
            await step.Context.SendTextAsync(texts.NotWithdrawn(id), cancellationToken);
            return await step.EndDialogAsync(cancellationToken);
        }

        var member = await CurrentMember.FindAsync(_members, step.Context, cancellationToken);
        var change = await _claims.WithdrawAsync(id, member!.Id, cancellationToken);
        var reply = change.Status switch
        {
            ClaimChangeStatus.Done => texts.Withdrawn(id),
            ClaimChangeStatus.NoLongerPending or ClaimChangeStatus.PeriodClosed => texts.ClaimNotPending(id),
            _ => texts.ClaimNotFound(id),
        };
        await step.Context.SendTextAsync(reply, cancellationToken);
        return await step.EndDialogAsync(change, cancellationToken);
    }
}
