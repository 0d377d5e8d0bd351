using ChatReport.Conversation.Common;
using ChatReport.Conversation.Domain;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Conversation.Administration;

/// <summary>
/// 任命书记 支部 名字: makes a member the secretary of a branch the administrator administers,
/// replacing the current secretary after a confirmation. The new secretary is granted before the
/// old one is revoked, so the branch is never left without a reviewer. Begun with an <see cref="AdministrationDraft"/>.
/// </summary>
public sealed class AppointSecretaryDialog : AdministratorChangeDialog
{
    /// <summary>Creates the dialog over the domain ports.</summary>
    public AppointSecretaryDialog(IMemberDirectory members, IOrganisation organisation, FindUnitDialog findUnit, FindMemberDialog findMember)
        : base(nameof(AppointSecretaryDialog), members, organisation, findUnit, findMember)
    {
    }

    /// <inheritdoc />
    protected override Task<DialogTurnResult> FindAsync(WaterfallStepContext<AdministrationDraft> waterfall, CancellationToken cancellationToken) =>
        waterfall.BeginDialogAsync(nameof(FindUnitDialog), new UnitLookup(waterfall.State.Branch, waterfall.State.ActorId), cancellationToken);

    /// <inheritdoc />
    protected override Task<DialogTurnResult> FoundAsync(WaterfallStepContext<AdministrationDraft> waterfall, object found, CancellationToken cancellationToken)
    {
        var unit = (OrgUnit)found;
        waterfall.State = waterfall.State with { UnitId = unit.Id };
        return waterfall.BeginDialogAsync(nameof(FindMemberDialog), new MemberLookup(waterfall.State.Member, waterfall.State.ActorId, PreferUnitId: unit.Id), cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task<string?> ConfirmationAsync(WaterfallStepContext<AdministrationDraft> waterfall, object found, CancellationToken cancellationToken)
    {
        var texts = waterfall.Texts<AdministrationTexts>();
        var member = (Member)found;
        waterfall.State = waterfall.State with { MemberId = member.Id };
        var unitName = await UnitNameAsync(waterfall, cancellationToken);
        var current = await SecretariesAsync(waterfall.State.UnitId, cancellationToken);
        if (current.Any(m => m.Id == member.Id))
        {
            await waterfall.Context.SendTextAsync(texts.AlreadySecretary(unitName, member.DisplayName), cancellationToken);
            return null;
        }

        return texts.ConfirmAppoint(unitName, member.DisplayName, current.Count == 0 ? texts.Nobody : string.Join("、", current.Select(m => m.DisplayName)));
    }

    /// <inheritdoc />
    protected override async Task<DialogTurnResult> ChangeAsync(WaterfallStepContext<AdministrationDraft> waterfall, CancellationToken cancellationToken)
    {
        var texts = waterfall.Texts<AdministrationTexts>();
        var (actorId, unitId, memberId) = (waterfall.State.ActorId, waterfall.State.UnitId, waterfall.State.MemberId);
        var unitName = await UnitNameAsync(waterfall, cancellationToken);
        if (!await Members.IsAdministratorOfAsync(actorId, unitId, cancellationToken))
        {
            return await EndWithAsync(waterfall, texts.NotYourUnit(unitName), cancellationToken);
        }

        var previous = await SecretariesAsync(unitId, cancellationToken);
        await Members.GrantRoleAsync(unitId, memberId, Role.Secretary, canReview: true, actorId, cancellationToken);
        foreach (var old in previous.Where(m => m.Id != memberId))
        {
            await Members.RevokeRoleAsync(unitId, old.Id, Role.Secretary, actorId, cancellationToken);
        }

        Speakers.Forget(waterfall.Context);
        var member = await Members.GetAsync(memberId, cancellationToken);
        return await EndWithAsync(waterfall, texts.Appointed(unitName, member?.DisplayName ?? "-"), cancellationToken);
    }

    private async Task<IReadOnlyList<Member>> SecretariesAsync(long unitId, CancellationToken cancellationToken)
    {
        var secretaries = new List<Member>();
        foreach (var reviewer in await Members.ListReviewersAsync(unitId, cancellationToken))
        {
            if ((await Members.GetRolesAsync(reviewer.Id, cancellationToken)).Any(r => r.UnitId == unitId && r.Role == Role.Secretary))
            {
                secretaries.Add(reviewer);
            }
        }

        return secretaries;
    }

    private async Task<string> UnitNameAsync(WaterfallStepContext<AdministrationDraft> waterfall, CancellationToken cancellationToken) =>
        (await Organisation.GetUnitAsync(waterfall.State.UnitId, cancellationToken))?.Name ?? "-";
}
