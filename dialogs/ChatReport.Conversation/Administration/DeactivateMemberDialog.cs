using ChatReport.Conversation.Common;
using ChatReport.Conversation.Domain;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Conversation.Administration;

/// <summary>
/// 停用 名字: deactivates a member of a unit the administrator administers, after a
/// confirmation; their history stays. Begun with an <see cref="AdministrationDraft"/>.
/// </summary>
public sealed class DeactivateMemberDialog : AdministratorChangeDialog
{
    /// <summary>Creates the dialog over the domain ports.</summary>
    public DeactivateMemberDialog(IMemberDirectory members, IOrganisation organisation, FindMemberDialog findMember)
        : base(nameof(DeactivateMemberDialog), members, organisation, findMember)
    {
    }

    /// <inheritdoc />
    protected override Task<DialogTurnResult> FindAsync(WaterfallStepContext<AdministrationDraft> waterfall, CancellationToken cancellationToken) =>
        waterfall.BeginDialogAsync(nameof(FindMemberDialog), new MemberLookup(waterfall.State.Member, waterfall.State.ActorId), cancellationToken);

    /// <inheritdoc />
    protected override async Task<string?> ConfirmationAsync(WaterfallStepContext<AdministrationDraft> waterfall, object found, CancellationToken cancellationToken)
    {
        var texts = waterfall.Texts<AdministrationTexts>();
        var member = (Member)found;
        if (member.Id == waterfall.State.ActorId)
        {
            await waterfall.Context.SendTextAsync(texts.NotYourself, cancellationToken);
            return null;
        }

        waterfall.State = waterfall.State with { MemberId = member.Id };
        var unit = await Organisation.GetUnitAsync(member.UnitId, cancellationToken);
        return texts.ConfirmDeactivate(member.DisplayName, unit?.Name ?? "-");
    }

    /// <inheritdoc />
    protected override async Task<DialogTurnResult> ChangeAsync(WaterfallStepContext<AdministrationDraft> waterfall, CancellationToken cancellationToken)
    {
        var texts = waterfall.Texts<AdministrationTexts>();
        var member = await Members.GetAsync(waterfall.State.MemberId, cancellationToken);
        if (member is null || !await Members.IsAdministratorOfAsync(waterfall.State.ActorId, member.UnitId, cancellationToken))
        {
            return await EndWithAsync(waterfall, texts.NotAnAdministrator, cancellationToken);
        }

        var after = await Members.SetActiveAsync(member.Id, isActive: false, waterfall.State.ActorId, cancellationToken);
        Speakers.Forget(waterfall.Context);
        await waterfall.Context.SendTextAsync(texts.Deactivated(member.DisplayName), cancellationToken);
        return await waterfall.EndDialogAsync(after, cancellationToken);
    }
}
