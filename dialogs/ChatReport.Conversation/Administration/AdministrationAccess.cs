using ChatReport.Conversation.Common;
using ChatReport.Conversation.Domain;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Conversation.Administration;

/// <summary>
/// Who may administer what. An administrator administers the subtree of each unit they hold the
/// role on; a secretary manages their own branch's codes and reviewers. The dialogs ask here
/// before they prompt, and again (through <see cref="IMemberDirectory.IsAdministratorOfAsync"/>)
/// right before they write, because rights may change while a confirmation waits.
/// </summary>
internal static class AdministrationAccess
{
    /// <summary>The active member who holds an administrator role, or null after a polite refusal.</summary>
    public static async Task<Member?> RequireAdministratorAsync(IMemberDirectory members, ITurnContext turn, AdministrationTexts texts, CancellationToken cancellationToken)
    {
        var speaker = await Speakers.GetAsync(members, turn, cancellationToken);
        if (speaker.ActiveMember is not { } actor)
        {
            await turn.SendTextAsync(texts.NotAMember, cancellationToken);
            return null;
        }

        if (!speaker.IsAdministrator)
        {
            await turn.SendTextAsync(texts.NotAnAdministrator, cancellationToken);
            return null;
        }

        return actor;
    }

    /// <summary>The active member who is a secretary or an administrator somewhere, or null after a polite refusal.</summary>
    public static async Task<Member?> RequireManagerAsync(IMemberDirectory members, ITurnContext turn, AdministrationTexts texts, CancellationToken cancellationToken)
    {
        var speaker = await Speakers.GetAsync(members, turn, cancellationToken);
        if (speaker.ActiveMember is not { } actor)
        {
            await turn.SendTextAsync(texts.NotAMember, cancellationToken);
            return null;
        }

        if (!speaker.IsSecretaryOrAdministrator)
        {
            await turn.SendTextAsync(texts.NotASecretaryOrAdministrator, cancellationToken);
            return null;
        }

        return actor;
    }

    /// <summary>Whether <paramref name="actorId"/> administers <paramref name="unitId"/>, or (when <paramref name="orSecretary"/>) is its secretary.</summary>
    public static async Task<bool> ManagesAsync(IMemberDirectory members, long actorId, long unitId, bool orSecretary, CancellationToken cancellationToken)
    {
        if (await members.IsAdministratorOfAsync(actorId, unitId, cancellationToken))
        {
            return true;
        }

        return orSecretary && (await members.GetRolesAsync(actorId, cancellationToken)).Any(r => r.Role == Role.Secretary && r.UnitId == unitId)
            && (await members.GetAsync(actorId, cancellationToken)) is { IsActive: true };
    }

    /// <summary>The active units <paramref name="actorId"/> manages: the subtrees they administer, and their own branches as secretary when asked.</summary>
    public static async Task<IReadOnlyList<OrgUnit>> ManagedUnitsAsync(
        IMemberDirectory members, IOrganisation organisation, long actorId, bool withSecretaryUnits, CancellationToken cancellationToken)
    {
        var roles = await members.GetRolesAsync(actorId, cancellationToken);
        var found = new Dictionary<long, OrgUnit>();
        var pending = new Queue<OrgUnit>();
        foreach (var role in roles.Where(r => r.Role == Role.Administrator || (withSecretaryUnits && r.Role == Role.Secretary)))
        {
            if (await organisation.GetUnitAsync(role.UnitId, cancellationToken) is { } unit && found.TryAdd(unit.Id, unit) && role.Role == Role.Administrator)
            {
                pending.Enqueue(unit);
            }
        }

        while (pending.TryDequeue(out var parent))
        {
            foreach (var child in await organisation.ListChildrenAsync(parent.Id, cancellationToken))
            {
                if (found.TryAdd(child.Id, child))
                {
                    pending.Enqueue(child);
                }
            }
        }

        return [.. found.Values.Where(u => u.IsActive).OrderBy(u => u.Id)];
    }

    /// <summary>The units an administrator holds the role on directly (the tops of what they administer).</summary>
    public static async Task<IReadOnlyList<OrgUnit>> AdministratorRootsAsync(
        IMemberDirectory members, IOrganisation organisation, long actorId, CancellationToken cancellationToken)
    {
        var roots = new List<OrgUnit>();
        foreach (var role in (await members.GetRolesAsync(actorId, cancellationToken)).Where(r => r.Role == Role.Administrator))
        {
            if (await organisation.GetUnitAsync(role.UnitId, cancellationToken) is { IsActive: true } unit)
            {
                roots.Add(unit);
            }
        }

        return roots;
    }

    /// <summary>The secretary's units when the actor is a secretary and no administrator, else empty.</summary>
    public static async Task<IReadOnlyList<long>> SecretaryOnlyUnitsAsync(IMemberDirectory members, long actorId, CancellationToken cancellationToken)
    {
        var roles = await members.GetRolesAsync(actorId, cancellationToken);
        return roles.Any(r => r.Role == Role.Administrator) ? [] : [.. roles.Where(r => r.Role == Role.Secretary).Select(r => r.UnitId).Distinct()];
    }
}
