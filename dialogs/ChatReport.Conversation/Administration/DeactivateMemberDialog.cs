using ChatReport.Conversation.Common;
using ChatReport.Conversation.Domain;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Prompts;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Conversation.Administration;

/// <summary>
/// 停用 名字: deactivates a member of a unit the administrator administers, after a
/// confirmation; their history stays. Begun with an <see cref="AdministrationDraft"/>.
/// </summary>
public sealed class DeactivateMemberDialog : ComponentDialog
{
    private readonly IMemberDirectory _members;
    private readonly IOrganisation _organisation;

    /// <summary>Creates the dialog over the domain ports.</summary>
    public DeactivateMemberDialog(IMemberDirectory members, IOrganisation organisation, FindMemberDialog findMember)
        : base(nameof(DeactivateMemberDialog))
    {
        _members = members;
        _organisation = organisation;
        AddDialog(WaterfallDialog.Create<AdministrationDraft, AdministrationDraft>(nameof(WaterfallDialog), o => o, ActorStepAsync, ConfirmStepAsync, DeactivateStepAsync));
        AddDialog(findMember);
        AddDialog(new ConfirmPrompt(nameof(ConfirmPrompt)));
    }

    /// <inheritdoc />
    public override string? GetHelpText(DialogContext dc)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return dc.Texts<AdministrationTexts>().AdministrationHelp;
    }

    private async Task<DialogTurnResult> ActorStepAsync(WaterfallStepContext<AdministrationDraft> step, CancellationToken cancellationToken)
    {
        if (await AdministrationAccess.RequireAdministratorAsync(_members, step.Context, step.Texts<AdministrationTexts>(), cancellationToken) is not { } actor)
        {
            return await step.EndDialogAsync(cancellationToken);
        }

        step.State = step.State with { ActorId = actor.Id };
        return await step.BeginDialogAsync(nameof(FindMemberDialog), new MemberLookup(step.State.Member, actor.Id), cancellationToken);
    }

    private async Task<DialogTurnResult> ConfirmStepAsync(WaterfallStepContext<AdministrationDraft> step, CancellationToken cancellationToken)
    {
        var texts = step.Texts<AdministrationTexts>();
        if (step.Result is not Member member)
        {
            return await step.EndDialogAsync(cancellationToken);
        }

        if (member.Id == step.State.ActorId)
        {
            await step.Context.SendTextAsync(texts.NotYourself, cancellationToken);
            return await step.EndDialogAsync(cancellationToken);
        }

        step.State = step.State with { MemberId = member.Id };
        var unit = await _organisation.GetUnitAsync(member.UnitId, cancellationToken);
        return await step.PromptAsync(nameof(ConfirmPrompt), new PromptOptions { Prompt = texts.ConfirmDeactivate(member.DisplayName, unit?.Name ?? "-"), MaxAttempts = 3 }, cancellationToken);
    }

    private async Task<DialogTurnResult> DeactivateStepAsync(WaterfallStepContext<AdministrationDraft> step, CancellationToken cancellationToken)
    {
        var texts = step.Texts<AdministrationTexts>();
        if (step.Result is not true)
        {
            await step.Context.SendTextAsync(texts.NothingChanged, cancellationToken);
            return await step.EndDialogAsync(cancellationToken);
        }

        var member = await _members.GetAsync(step.State.MemberId, cancellationToken);
        if (member is null || !await _members.IsAdministratorOfAsync(step.State.ActorId, member.UnitId, cancellationToken))
        {
            await step.Context.SendTextAsync(texts.NotAnAdministrator, cancellationToken);
            return await step.EndDialogAsync(cancellationToken);
        }

        var after = await _members.SetActiveAsync(member.Id, isActive: false, step.State.ActorId, cancellationToken);
        Speakers.Forget(step.Context);
        await step.Context.SendTextAsync(texts.Deactivated(member.DisplayName), cancellationToken);
        return await step.EndDialogAsync(after, cancellationToken);
    }
}
