using ChatReport.Conversation.Common;
using ChatReport.Conversation.Domain;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Prompts;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Conversation.Administration;

/// <summary>
/// 调动 名字 支部: moves a member to another unit, both within what the administrator administers,
/// after a confirmation. Points already booked stay with the old branch. Begun with an <see cref="AdministrationDraft"/>.
/// </summary>
public sealed class MoveMemberDialog : ComponentDialog
{
    private readonly IMemberDirectory _members;
    private readonly IOrganisation _organisation;

    /// <summary>Creates the dialog over the domain ports.</summary>
    public MoveMemberDialog(IMemberDirectory members, IOrganisation organisation, FindUnitDialog findUnit, FindMemberDialog findMember)
        : base(nameof(MoveMemberDialog))
    {
        _members = members;
        _organisation = organisation;
        AddDialog(WaterfallDialog.Create<AdministrationDraft, AdministrationDraft>(
            nameof(WaterfallDialog), o => o, ActorStepAsync, UnitStepAsync, ConfirmStepAsync, MoveStepAsync));
        AddDialog(findUnit);
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

    private async Task<DialogTurnResult> UnitStepAsync(WaterfallStepContext<AdministrationDraft> step, CancellationToken cancellationToken)
    {
        if (step.Result is not Member member)
        {
            return await step.EndDialogAsync(cancellationToken);
        }

        step.State = step.State with { MemberId = member.Id };
        var ask = step.Texts<AdministrationTexts>().AskTargetUnit(member.DisplayName);
        return await step.BeginDialogAsync(nameof(FindUnitDialog), new UnitLookup(step.State.Branch, step.State.ActorId, Ask: ask), cancellationToken);
    }

    private async Task<DialogTurnResult> ConfirmStepAsync(WaterfallStepContext<AdministrationDraft> step, CancellationToken cancellationToken)
    {
        var texts = step.Texts<AdministrationTexts>();
        if (step.Result is not OrgUnit target || await _members.GetAsync(step.State.MemberId, cancellationToken) is not { } member)
        {
            return await step.EndDialogAsync(cancellationToken);
        }

        if (member.UnitId == target.Id)
        {
            await step.Context.SendTextAsync(texts.AlreadyThere(member.DisplayName, target.Name), cancellationToken);
            return await step.EndDialogAsync(cancellationToken);
        }

        step.State = step.State with { UnitId = target.Id };
        var from = await _organisation.GetUnitAsync(member.UnitId, cancellationToken);
        return await step.PromptAsync(nameof(ConfirmPrompt), new PromptOptions { Prompt = texts.ConfirmMove(member.DisplayName, from?.Name ?? "-", target.Name), MaxAttempts = 3 }, cancellationToken);
    }

    private async Task<DialogTurnResult> MoveStepAsync(WaterfallStepContext<AdministrationDraft> step, CancellationToken cancellationToken)
    {
        var texts = step.Texts<AdministrationTexts>();
        if (step.Result is not true)
        {
            await step.Context.SendTextAsync(texts.NothingChanged, cancellationToken);
            return await step.EndDialogAsync(cancellationToken);
        }

        var (actorId, memberId, unitId) = (step.State.ActorId, step.State.MemberId, step.State.UnitId);
        var member = await _members.GetAsync(memberId, cancellationToken);
        var target = await _organisation.GetUnitAsync(unitId, cancellationToken);
        if (member is null || target is null
            || !await _members.IsAdministratorOfAsync(actorId, member.UnitId, cancellationToken)
            || !await _members.IsAdministratorOfAsync(actorId, unitId, cancellationToken))
        {
            await step.Context.SendTextAsync(texts.NotYourUnit(target?.Name ?? "-"), cancellationToken);
            return await step.EndDialogAsync(cancellationToken);
        }

        var moved = await _members.MoveMemberAsync(memberId, unitId, actorId, cancellationToken);
        Speakers.Forget(step.Context);
        await step.Context.SendTextAsync(texts.Moved(member.DisplayName, target.Name), cancellationToken);
        return await step.EndDialogAsync(moved, cancellationToken);
    }
}
