using System.Globalization;
using ChatReport.Conversation.Domain;

namespace ChatReport.Bot.Cli;

/// <summary>Finds units and members by name or by #id for the commands; an ambiguous name lists the ids to use instead.</summary>
internal static class CliLookup
{
    public static async Task<OrgUnit> UnitAsync(IOrganisation organisation, string reference, CancellationToken cancellationToken)
    {
        var (unit, problem) = await TryUnitAsync(organisation, reference, cancellationToken);
        return unit ?? throw new CliFailureException(problem!);
    }

    public static async Task<(OrgUnit? Unit, string? Problem)> TryUnitAsync(IOrganisation organisation, string reference, CancellationToken cancellationToken)
    {
        if (TryId(reference) is { } id)
        {
            return await organisation.GetUnitAsync(id, cancellationToken) is { IsActive: true } byId ? (byId, null) : (null, $"unknown unit {reference}");
        }

        var found = await organisation.FindUnitsByNameAsync(reference, cancellationToken);
        return found.Count switch
        {
            1 => (found[0], null),
            0 => (null, $"unknown branch '{reference}'"),
            _ => (null, $"several units are called '{reference}' ({string.Join(", ", found.Select(u => "#" + u.Id.ToString(CultureInfo.InvariantCulture)))}); give #id"),
        };
    }

    public static async Task<Member> MemberAsync(IMemberDirectory members, string reference, OrgUnit? unit, CancellationToken cancellationToken)
    {
        if (TryId(reference) is { } id)
        {
            return await members.GetAsync(id, cancellationToken) ?? throw new CliFailureException($"unknown member {reference}");
        }

        if (unit is null)
        {
            throw new CliUsageException($"Give the member's branch (--branch) or the member as #id.");
        }

        var found = (await members.ListMembersAsync(unit.Id, cancellationToken)).Where(m => PersonName.AreSame(m.DisplayName, reference)).ToList();
        return found.Count switch
        {
            1 => found[0],
            0 => throw new CliFailureException($"no active member '{reference}' in {unit.Name}"),
            _ => throw new CliFailureException($"several members of {unit.Name} are called '{reference}' ({string.Join(", ", found.Select(m => "#" + m.Id.ToString(CultureInfo.InvariantCulture)))}); give #id"),
        };
    }

    private static long? TryId(string reference) =>
        reference.StartsWith('#') && long.TryParse(reference.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
