using ChatReport.Conversation.Common;
using ChatReport.Conversation.Domain;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Conversation.Administration;

/// <summary>
/// 允许审核 名字: the secretary (or an administrator) lets a member of the branch help review, as a
/// committee member allowed to review. Begun with an <see cref="AdministrationDraft"/>.
/// </summary>
public sealed class AllowReviewDialog : ComponentDialog
{
    private readonly IMemberDirectory _members;
    private readonly IOrganisation _organisation;

    /// <summary>Creates the dialog over the domain ports.</summary>
    public AllowReviewDialog(IMemberDirectory members, IOrganisation organisation, FindMemberDialog findMember)
        : base(nameof(AllowReviewDialog))
    {
        _members = members;
        _organisation = organisation;
        AddDialog(WaterfallDialog.Create<AdministrationDraft, AdministrationDraft>(nameof(WaterfallDialog), o => o, ActorStepAsync, AllowStepAsync));
        AddDialog(findMember);
    }

    /// <inheritdoc />
    public override string? GetHelpText(DialogContext dc)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return dc.Texts<AdministrationTexts>().AdministrationHelp;
    }

    private async Task<DialogTurnResult> ActorStepAsync(WaterfallStepContext<AdministrationDraft> step, CancellationToken cancellationToken)
    {
        if (await AdministrationAccess.RequireManagerAsync(_members, step.Context, step.Texts<AdministrationTexts>(), cancellationToken) is not { } actor)
        {
            return await step.EndDialogAsync(cancellationToken);
        }

        step.State = step.State with { ActorId = actor.Id };
        return await step.BeginDialogAsync(nameof(FindMemberDialog), new MemberLookup(step.State.Member, actor.Id, WithSecretaryUnits: true), cancellationToken);
    }

    private async Task<DialogTurnResult> AllowStepAsync(WaterfallStepContext<AdministrationDraft> step, CancellationToken cancellationToken)
    {
        var texts = step.Texts<AdministrationTexts>();
        if (step.Result is not Member member)
        {
            return await step.EndDialogAsync(cancellationToken);
        }

        var unit = await _organisation.GetUnitAsync(member.UnitId, cancellationToken);
        if (unit is null || !await AdministrationAccess.ManagesAsync(_members, step.State.ActorId, unit.Id, orSecretary: true, cancellationToken))
        {
            await step.Context.SendTextAsync(texts.NotYourUnit(unit?.Name ?? "-"), cancellationToken);
            return await step.EndDialogAsync(cancellationToken);
        }

        await _members.GrantRoleAsync(unit.Id, member.Id, Role.Committee, canReview: true, step.State.ActorId, cancellationToken);
        Speakers.Forget(step.Context);
        await step.Context.SendTextAsync(texts.ReviewAllowed(member.DisplayName, unit.Name), cancellationToken);
        return await step.EndDialogAsync(cancellationToken);
    }
}
