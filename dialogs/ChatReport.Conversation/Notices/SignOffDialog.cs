using ChatReport.Conversation.Domain;
using ChatReport.Conversation.Groups;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Prompts;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Conversation.Notices;

/// <summary>
/// 签字确认: the branch's secretary confirms a quarter's public notice after a question that names
/// the quarter and how many members it lists; the quarter is then locked and the notice posted
/// to the branch's groups. The desk checks the rights again inside its own work.
/// </summary>
public sealed class SignOffDialog : ComponentDialog
{
    private readonly IMemberDirectory _members;
    private readonly IOrganisation _organisation;
    private readonly INoticeDesk _desk;
    private readonly IGroupSubscriptions _subscriptions;

    /// <summary>Creates the dialog over the domain ports.</summary>
    public SignOffDialog(IMemberDirectory members, IOrganisation organisation, INoticeDesk desk, IGroupSubscriptions subscriptions)
        : base(nameof(SignOffDialog))
    {
        _members = members;
        _organisation = organisation;
        _desk = desk;
        _subscriptions = subscriptions;
        AddDialog(WaterfallDialog.Create<SignOffOptions, NoticeState>(
            nameof(WaterfallDialog), o => new NoticeState(Quarter: o.Quarter), UnitStepAsync, ConfirmStepAsync, SignStepAsync));
        AddDialog(new ChoicePrompt(nameof(ChoicePrompt)));
        AddDialog(new ConfirmPrompt(nameof(ConfirmPrompt)));
    }

    /// <inheritdoc />
    public override string? GetHelpText(DialogContext dc)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return dc.Texts<NoticeTexts>().DialogHelp;
    }

    private async Task<DialogTurnResult> UnitStepAsync(WaterfallStepContext<NoticeState> step, CancellationToken cancellationToken) =>
        await NoticeAccess.AskUnitAsync(step, _members, _organisation, _desk, SecretaryUnitsAsync, step.Texts<NoticeTexts>().NotSecretary, cancellationToken);

    private async Task<DialogTurnResult> ConfirmStepAsync(WaterfallStepContext<NoticeState> step, CancellationToken cancellationToken)
    {
        var texts = step.Texts<NoticeTexts>();
        var quarter = step.State.Quarter!;
        if (NoticeAccess.Picked(step.Result) is not { } unitId)
        {
            return await step.EndDialogAsync(cancellationToken);
        }

        if (await _desk.PreviewAsync(unitId, quarter, cancellationToken) is not { } preview)
        {
            await step.Context.SendTextAsync(texts.NoSuchQuarter(quarter.Year, quarter.Quarter), cancellationToken);
            return await step.EndDialogAsync(cancellationToken);
        }

        // Refused before the question, so nobody confirms something that cannot happen.
        if (preview is { SignedByName: { } signedBy, SignedAt: { } signedAt })
        {
            await step.Context.SendTextAsync(texts.AlreadySignedOff(quarter.Year, quarter.Quarter, signedBy, step.UserLocale.ToLocalTime(signedAt)), cancellationToken);
            return await step.EndDialogAsync(cancellationToken);
        }

        if (!preview.HasEnded)
        {
            await step.Context.SendTextAsync(texts.QuarterNotOver(quarter.Year, quarter.Quarter), cancellationToken);
            return await step.EndDialogAsync(cancellationToken);
        }

        step.State = step.State with { UnitId = unitId };
        var question = texts.ConfirmSignOff(preview.UnitName, quarter.Year, quarter.Quarter, preview.MemberCount);
        return await step.PromptAsync(nameof(ConfirmPrompt), new PromptOptions { Prompt = question, MaxAttempts = 3 }, cancellationToken);
    }

    private async Task<DialogTurnResult> SignStepAsync(WaterfallStepContext<NoticeState> step, CancellationToken cancellationToken)
    {
        var texts = step.Texts<NoticeTexts>();
        if (step.Result is not true)
        {
            await step.Context.SendTextAsync(texts.SignOffCancelled, cancellationToken);
            return await step.EndDialogAsync(cancellationToken);
        }

        var (unitId, quarter) = (step.State.UnitId, step.State.Quarter!);
        var result = await _desk.SignOffAsync(unitId, quarter, step.State.MemberId, cancellationToken);
        var reply = result.Status switch
        {
            NoticeSignOffStatus.SignedOff when result.GroupsPosted > 0 => texts.SignedOffPosted,
            NoticeSignOffStatus.SignedOff => await _subscriptions.CountForUnitAsync(unitId, cancellationToken) > 0 ? texts.SignedOffPostLater : texts.SignedOffNoGroup,
            NoticeSignOffStatus.AlreadySignedOff => texts.AlreadySignedOff(quarter.Year, quarter.Quarter, result.SignedByName ?? "-", step.UserLocale.ToLocalTime(result.SignedAt ?? default)),
            NoticeSignOffStatus.NotSecretary => texts.NotSecretary,
            NoticeSignOffStatus.QuarterNotOver => texts.QuarterNotOver(quarter.Year, quarter.Quarter),
            _ => texts.NoSuchQuarter(quarter.Year, quarter.Quarter),
        };
        await step.Context.SendTextAsync(reply, cancellationToken);
        return await step.EndDialogAsync(result.Status, cancellationToken);
    }

    private async Task<IReadOnlyList<long>> SecretaryUnitsAsync(Member actor, CancellationToken cancellationToken) =>
        [.. (await _members.GetRolesAsync(actor.Id, cancellationToken)).Where(r => r.Role == Role.Secretary).Select(r => r.UnitId).Distinct()];
}
