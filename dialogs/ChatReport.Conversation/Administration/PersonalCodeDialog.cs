using System.Globalization;
using ChatReport.Conversation.Domain;
using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Conversation.Administration;

/// <summary>
/// 个人邀请码 名字: a one-time code for one roster entry, which claims it with the roles it holds
/// (the branch's code never claims a secretary, committee member or administrator). An
/// administrator issues it for members of the units they administer; a secretary for members of
/// their branch, but not for anyone holding an office the secretary could not grant (an
/// administrator role, or a role in a unit they do not run). Begun with an <see cref="AdministrationDraft"/>.
/// </summary>
public sealed class PersonalCodeDialog : ComponentDialog
{
    private readonly IMemberDirectory _members;
    private readonly IOrganisation _organisation;
    private readonly IJoinCodes _codes;
    private readonly JoinCodePolicy _policy;
    private readonly TimeProvider _time;

    /// <summary>Creates the dialog over the domain ports.</summary>
    public PersonalCodeDialog(IMemberDirectory members, IOrganisation organisation, IJoinCodes codes, JoinCodePolicy policy, TimeProvider time, FindMemberDialog findMember)
        : base(nameof(PersonalCodeDialog))
    {
        _members = members;
        _organisation = organisation;
        _codes = codes;
        _policy = policy;
        _time = time;
        AddDialog(WaterfallDialog.Create<AdministrationDraft, AdministrationDraft>(nameof(WaterfallDialog), o => o, ActorStepAsync, IssueStepAsync));
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

    private async Task<DialogTurnResult> IssueStepAsync(WaterfallStepContext<AdministrationDraft> step, CancellationToken cancellationToken)
    {
        var texts = step.Texts<AdministrationTexts>();
        if (step.Result is not Member member)
        {
            return await step.EndDialogAsync(cancellationToken);
        }

        var unit = await _organisation.GetUnitAsync(member.UnitId, cancellationToken);
        if (unit is null || !await MayIssueForAsync(step.State.ActorId, member, cancellationToken))
        {
            await step.Context.SendTextAsync(texts.MemberNotFound(member.DisplayName), cancellationToken);
            return await step.EndDialogAsync(cancellationToken);
        }

        var code = await _codes.IssuePersonalAsync(member.Id, step.State.ActorId, _time.GetUtcNow() + _policy.ChatCodeLifetime, cancellationToken);
        if (code is null)
        {
            await step.Context.SendTextAsync(texts.MemberNotFound(member.DisplayName), cancellationToken);
            return await step.EndDialogAsync(cancellationToken);
        }

        var until = TimeZoneInfo.ConvertTime(code.ExpiresAt!.Value, TimeZoneInfo.FindSystemTimeZoneById(unit.TimeZone)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        await step.Context.SendTextAsync(texts.PersonalCodeIssued(code.Code, member.DisplayName, until), cancellationToken);
        return await step.EndDialogAsync(code, cancellationToken);
    }

    // A code hands over every role its member holds, so the issuer must be able to grant each of them.
    private async Task<bool> MayIssueForAsync(long actorId, Member member, CancellationToken cancellationToken)
    {
        if (!await AdministrationAccess.ManagesAsync(_members, actorId, member.UnitId, orSecretary: true, cancellationToken))
        {
            return false;
        }

        foreach (var role in await _members.GetRolesAsync(member.Id, cancellationToken))
        {
            var mayGrant = role.Role == Role.Administrator
                ? await _members.IsAdministratorOfAsync(actorId, role.UnitId, cancellationToken)
                : await AdministrationAccess.ManagesAsync(_members, actorId, role.UnitId, orSecretary: true, cancellationToken);
            if (!mayGrant)
            {
                return false;
            }
        }

        return true;
    }
}
