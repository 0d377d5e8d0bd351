using ChatReport.Conversation.Common;
using ChatReport.Conversation.Domain;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Conversation.Administration;

/// <summary>
/// 允许审核 名字: the secretary (or an administrator) lets a member of the branch help review, as a
/// committee member allowed to review. Begun with an <see cref="AdministrationDraft"/>.
/// </summary>
public sealed class AllowReviewDialog(
    IMemberDirectory members,
    IOrganisation organisation,
    FindMemberDialog findMember)
    : MemberAdministrationDialog(nameof(AllowReviewDialog), members, findMember)
{

    /// <inheritdoc />
    protected override async Task<DialogTurnResult> ActAsync(WaterfallStepContext<AdministrationDraft> waterfall, Member member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(waterfall);
        ArgumentNullException.ThrowIfNull(member);
        var texts = waterfall.Texts<AdministrationTexts>();
        var unit = await organisation.GetUnitAsync(member.UnitId, cancellationToken);
        if (unit is null || !await AdministrationAccess.ManagesAsync(Members, waterfall.State.ActorId, unit.Id, orSecretary: true, cancellationToken))
        {
            await waterfall.Context.SendTextAsync(texts.NotYourUnit(unit?.Name ?? "-"), cancellationToken);
            return await waterfall.EndDialogAsync(cancellationToken);
        }

        await Members.GrantRoleAsync(unit.Id, member.Id, Role.Committee, canReview: true, waterfall.State.ActorId, cancellationToken);
        Speakers.Forget(waterfall.Context);
        await waterfall.Context.SendTextAsync(texts.ReviewAllowed(member.DisplayName, unit.Name), cancellationToken);
        return await waterfall.EndDialogAsync(cancellationToken);
    }
}
