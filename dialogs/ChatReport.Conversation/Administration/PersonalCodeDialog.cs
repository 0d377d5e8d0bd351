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
public sealed class PersonalCodeDialog : MemberAdministrationDialog
{
    private readonly IOrganisation _organisation;
    private readonly IJoinCodes _codes;
    private readonly JoinCodePolicy _policy;
    private readonly TimeProvider _time;

    /// <summary>Creates the dialog over the domain ports.</summary>
    public PersonalCodeDialog(IMemberDirectory members, IOrganisation organisation, IJoinCodes codes, JoinCodePolicy policy, TimeProvider time, FindMemberDialog findMember)
        : base(nameof(PersonalCodeDialog), members, findMember)
    {
        _organisation = organisation;
        _codes = codes;
        _policy = policy;
        _time = time;
    }

    /// <inheritdoc />
    protected override async Task<DialogTurnResult> ActAsync(WaterfallStepContext<AdministrationDraft> waterfall, Member member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(waterfall);
        ArgumentNullException.ThrowIfNull(member);
        var texts = waterfall.Texts<AdministrationTexts>();
        var unit = await _organisation.GetUnitAsync(member.UnitId, cancellationToken);
        if (unit is null || !await MayIssueForAsync(waterfall.State.ActorId, member, cancellationToken))
        {
            await waterfall.Context.SendTextAsync(texts.MemberNotFound(member.DisplayName), cancellationToken);
            return await waterfall.EndDialogAsync(cancellationToken);
        }

        var code = await _codes.IssuePersonalAsync(member.Id, waterfall.State.ActorId, _time.GetUtcNow() + _policy.ChatCodeLifetime, cancellationToken);
        if (code is null)
        {
            await waterfall.Context.SendTextAsync(texts.MemberNotFound(member.DisplayName), cancellationToken);
            return await waterfall.EndDialogAsync(cancellationToken);
        }

        var until = TimeZoneInfo.ConvertTime(code.ExpiresAt!.Value, TimeZoneInfo.FindSystemTimeZoneById(unit.TimeZone)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        await waterfall.Context.SendTextAsync(texts.PersonalCodeIssued(code.Code, member.DisplayName, until), cancellationToken);
        return await waterfall.EndDialogAsync(code, cancellationToken);
    }

    // A code hands over every role its member holds, so the issuer must be able to grant each of them.
    private async Task<bool> MayIssueForAsync(long actorId, Member member, CancellationToken cancellationToken)
    {
        if (!await AdministrationAccess.ManagesAsync(Members, actorId, member.UnitId, orSecretary: true, cancellationToken))
        {
            return false;
        }

        foreach (var role in await Members.GetRolesAsync(member.Id, cancellationToken))
        {
            var mayGrant = role.Role == Role.Administrator
                ? await Members.IsAdministratorOfAsync(actorId, role.UnitId, cancellationToken)
                : await AdministrationAccess.ManagesAsync(Members, actorId, role.UnitId, orSecretary: true, cancellationToken);
            if (!mayGrant)
            {
                return false;
            }
        }

        return true;
    }
}
