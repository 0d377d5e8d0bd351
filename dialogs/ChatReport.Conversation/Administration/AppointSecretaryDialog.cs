using ChatReport.Conversation.Common;
using ChatReport.Conversation.Domain;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Prompts;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Conversation.Administration;

/// <summary>
/// 任命书记 支部 名字: makes a member the secretary of a branch the administrator administers,
/// replacing the current secretary after a confirmation. The new secretary is granted before the
/// old one is revoked, so the branch is never left without a reviewer. Begun with an <see cref="AdministrationDraft"/>.
/// </summary>
public sealed class AppointSecretaryDialog : ComponentDialog
{
    private readonly IMemberDirectory _members;
    private readonly IOrganisation _organisation;

    /// <summary>Creates the dialog over the domain ports.</summary>
    public AppointSecretaryDialog(IMemberDirectory members, IOrganisation organisation, FindUnitDialog findUnit, FindMemberDialog findMember)
        : base(nameof(AppointSecretaryDialog))
    {
        _members = members;
        _organisation = organisation;
        AddDialog(WaterfallDialog.Create<AdministrationDraft, AdministrationDraft>(
            nameof(WaterfallDialog), o => o, ActorStepAsync, MemberStepAsync, ConfirmStepAsync, AppointStepAsync));
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
        return await step.BeginDialogAsync(nameof(FindUnitDialog), new UnitLookup(step.State.Branch, actor.Id), cancellationToken);
    }

    private async Task<DialogTurnResult> MemberStepAsync(WaterfallStepContext<AdministrationDraft> step, CancellationToken cancellationToken)
    {
        if (step.Result is not OrgUnit unit)
        {
            return await step.EndDialogAsync(cancellationToken);
        }

        step.State = step.State with { UnitId = unit.Id };
        return await step.BeginDialogAsync(nameof(FindMemberDialog), new MemberLookup(step.State.Member, step.State.ActorId, PreferUnitId: unit.Id), cancellationToken);
    }

    private async Task<DialogTurnResult> ConfirmStepAsync(WaterfallStepContext<AdministrationDraft> step, CancellationToken cancellationToken)
    {
        var texts = step.Texts<AdministrationTexts>();
        if (step.Result is not Member member)
        {
            return await step.EndDialogAsync(cancellationToken);
        }

        step.State = step.State with { MemberId = member.Id };
        var unitName = await UnitNameAsync(step, cancellationToken);
        var current = await SecretariesAsync(step.State.UnitId, cancellationToken);
        if (current.Any(m => m.Id == member.Id))
        {
            await step.Context.SendTextAsync(texts.AlreadySecretary(unitName, member.DisplayName), cancellationToken);
            return await step.EndDialogAsync(cancellationToken);
        }

        var names = current.Count == 0 ? texts.Nobody : string.Join("、", current.Select(m => m.DisplayName));
        return await step.PromptAsync(nameof(ConfirmPrompt), new PromptOptions { Prompt = texts.ConfirmAppoint(unitName, member.DisplayName, names), MaxAttempts = 3 }, cancellationToken);
    }

    private async Task<DialogTurnResult> AppointStepAsync(WaterfallStepContext<AdministrationDraft> step, CancellationToken cancellationToken)
    {
        var texts = step.Texts<AdministrationTexts>();
        if (step.Result is not true)
        {
            await step.Context.SendTextAsync(texts.NothingChanged, cancellationToken);
            return await step.EndDialogAsync(cancellationToken);
        }

        var (actorId, unitId, memberId) = (step.State.ActorId, step.State.UnitId, step.State.MemberId);
        var unitName = await UnitNameAsync(step, cancellationToken);
        if (!await _members.IsAdministratorOfAsync(actorId, unitId, cancellationToken))
        {
            await step.Context.SendTextAsync(texts.NotYourUnit(unitName), cancellationToken);
            return await step.EndDialogAsync(cancellationToken);
        }

        var previous = await SecretariesAsync(unitId, cancellationToken);
        await _members.GrantRoleAsync(unitId, memberId, Role.Secretary, canReview: true, actorId, cancellationToken);
        foreach (var old in previous.Where(m => m.Id != memberId))
        {
            await _members.RevokeRoleAsync(unitId, old.Id, Role.Secretary, actorId, cancellationToken);
        }

        Speakers.Forget(step.Context);

        var member = await _members.GetAsync(memberId, cancellationToken);
        await step.Context.SendTextAsync(texts.Appointed(unitName, member?.DisplayName ?? "-"), cancellationToken);
        return await step.EndDialogAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<Member>> SecretariesAsync(long unitId, CancellationToken cancellationToken)
    {
        var secretaries = new List<Member>();
        foreach (var reviewer in await _members.ListReviewersAsync(unitId, cancellationToken))
        {
            if ((await _members.GetRolesAsync(reviewer.Id, cancellationToken)).Any(r => r.UnitId == unitId && r.Role == Role.Secretary))
            {
                secretaries.Add(reviewer);
            }
        }

        return secretaries;
    }

    private async Task<string> UnitNameAsync(WaterfallStepContext<AdministrationDraft> step, CancellationToken cancellationToken) =>
        (await _organisation.GetUnitAsync(step.State.UnitId, cancellationToken))?.Name ?? "-";
}
