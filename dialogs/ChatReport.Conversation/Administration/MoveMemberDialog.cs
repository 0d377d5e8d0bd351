using ChatReport.Conversation.Common;
using ChatReport.Conversation.Domain;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Conversation.Administration;

/// <summary>
/// 调动 名字 支部: moves a member to another unit, both within what the administrator administers,
/// after a confirmation. Points already booked stay with the old branch. Begun with an <see cref="AdministrationDraft"/>.
/// </summary>
public sealed class MoveMemberDialog : AdministratorChangeDialog
{
    /// <summary>Creates the dialog over the domain ports.</summary>
    public MoveMemberDialog(IMemberDirectory members, IOrganisation organisation, FindUnitDialog findUnit, FindMemberDialog findMember)
        : base(nameof(MoveMemberDialog), members, organisation, findUnit, findMember)
    {
    }

    /// <inheritdoc />
    protected override Task<DialogTurnResult> FindAsync(WaterfallStepContext<AdministrationDraft> waterfall, CancellationToken cancellationToken) =>
        waterfall.BeginDialogAsync(nameof(FindMemberDialog), new MemberLookup(waterfall.State.Member, waterfall.State.ActorId), cancellationToken);

    /// <inheritdoc />
    protected override Task<DialogTurnResult> FoundAsync(WaterfallStepContext<AdministrationDraft> waterfall, object found, CancellationToken cancellationToken)
    {
        var member = (Member)found;
        waterfall.State = waterfall.State with { MemberId = member.Id };
        var ask = waterfall.Texts<AdministrationTexts>().AskTargetUnit(member.DisplayName);
        return waterfall.BeginDialogAsync(nameof(FindUnitDialog), new UnitLookup(waterfall.State.Branch, waterfall.State.ActorId, Ask: ask), cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task<string?> ConfirmationAsync(WaterfallStepContext<AdministrationDraft> waterfall, object found, CancellationToken cancellationToken)
    {
        var texts = waterfall.Texts<AdministrationTexts>();
        var target = (OrgUnit)found;
        if (await Members.GetAsync(waterfall.State.MemberId, cancellationToken) is not { } member)
        {
            return null;
        }

        if (member.UnitId == target.Id)
        {
            await waterfall.Context.SendTextAsync(texts.AlreadyThere(member.DisplayName, target.Name), cancellationToken);
            return null;
        }

        waterfall.State = waterfall.State with { UnitId = target.Id };
        var from = await Organisation.GetUnitAsync(member.UnitId, cancellationToken);
        return texts.ConfirmMove(member.DisplayName, from?.Name ?? "-", target.Name);
    }

    /// <inheritdoc />
    protected override async Task<DialogTurnResult> ChangeAsync(WaterfallStepContext<AdministrationDraft> waterfall, CancellationToken cancellationToken)
    {
        var texts = waterfall.Texts<AdministrationTexts>();
        var (actorId, memberId, unitId) = (waterfall.State.ActorId, waterfall.State.MemberId, waterfall.State.UnitId);
        var member = await Members.GetAsync(memberId, cancellationToken);
        var target = await Organisation.GetUnitAsync(unitId, cancellationToken);
        if (member is null || target is null
            || !await Members.IsAdministratorOfAsync(actorId, member.UnitId, cancellationToken)
            || !await Members.IsAdministratorOfAsync(actorId, unitId, cancellationToken))
        {
            return await EndWithAsync(waterfall, texts.NotYourUnit(target?.Name ?? "-"), cancellationToken);
        }

        var moved = await Members.MoveMemberAsync(memberId, unitId, actorId, cancellationToken);
        Speakers.Forget(waterfall.Context);
        await waterfall.Context.SendTextAsync(texts.Moved(member.DisplayName, target.Name), cancellationToken);
        return await waterfall.EndDialogAsync(moved, cancellationToken);
    }
}
