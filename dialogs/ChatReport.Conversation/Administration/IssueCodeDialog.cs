using System.Globalization;
using ChatReport.Conversation.Domain;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Conversation.Administration;

/// <summary>
/// 生成邀请码 [支部] [50人]: issues a six-digit join code for a branch the sender administers, or for
/// their own branch as its secretary (then the branch may be left out). It expires after
/// <see cref="JoinCodePolicy.ChatCodeLifetime"/> and may be limited in uses. Begun with an <see cref="AdministrationDraft"/>.
/// </summary>
public sealed class IssueCodeDialog : AdministrationDialog
{
    private readonly IMemberDirectory _members;
    private readonly IOrganisation _organisation;
    private readonly IJoinCodes _codes;
    private readonly JoinCodePolicy _policy;
    private readonly TimeProvider _time;

    /// <summary>Creates the dialog over the domain ports.</summary>
    public IssueCodeDialog(IMemberDirectory members, IOrganisation organisation, IJoinCodes codes, JoinCodePolicy policy, TimeProvider time, FindUnitDialog findUnit)
        : base(nameof(IssueCodeDialog))
    {
        _members = members;
        _organisation = organisation;
        _codes = codes;
        _policy = policy;
        _time = time;
        AddDialog(WaterfallDialog.Create<AdministrationDraft, AdministrationDraft>(nameof(WaterfallDialog), o => o, ActorStepAsync, IssueStepAsync));
        AddDialog(findUnit);
    }

    private async Task<DialogTurnResult> ActorStepAsync(WaterfallStepContext<AdministrationDraft> step, CancellationToken cancellationToken)
    {
        if (await AdministrationAccess.RequireManagerAsync(_members, step.Context, step.Texts<AdministrationTexts>(), cancellationToken) is not { } actor)
        {
            return await step.EndDialogAsync(cancellationToken);
        }

        step.State = step.State with { ActorId = actor.Id };
        if (step.State.Branch is null && await AdministrationAccess.SecretaryOnlyUnitsAsync(_members, actor.Id, cancellationToken) is [var own]
            && await _organisation.GetUnitAsync(own, cancellationToken) is { } unit)
        {
            return await step.NextAsync(unit, cancellationToken);
        }

        return await step.BeginDialogAsync(nameof(FindUnitDialog), new UnitLookup(step.State.Branch, actor.Id, WithSecretaryUnits: true), cancellationToken);
    }

    private async Task<DialogTurnResult> IssueStepAsync(WaterfallStepContext<AdministrationDraft> step, CancellationToken cancellationToken)
    {
        var texts = step.Texts<AdministrationTexts>();
        if (step.Result is not OrgUnit unit)
        {
            return await step.EndDialogAsync(cancellationToken);
        }

        if (!await AdministrationAccess.ManagesAsync(_members, step.State.ActorId, unit.Id, orSecretary: true, cancellationToken))
        {
            await step.Context.SendTextAsync(texts.NotYourUnit(unit.Name), cancellationToken);
            return await step.EndDialogAsync(cancellationToken);
        }

        var code = await _codes.IssueAsync(unit.Id, step.State.ActorId, _time.GetUtcNow() + _policy.ChatCodeLifetime, step.State.MaxUses, cancellationToken);
        var expiry = code.ExpiresAt is { } at
            ? texts.CodeExpires(TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(unit.TimeZone)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))
            : texts.CodeNeverExpires;
        var uses = code.MaxUses is { } max ? "\n" + texts.CodeMaxUses(max) : string.Empty;
        await step.Context.SendTextAsync(texts.CodeIssued(code.Code, unit.Name) + "\n" + expiry + uses, cancellationToken);
        return await step.EndDialogAsync(code, cancellationToken);
    }
}
