using ChatReport.Conversation.Domain;

namespace ChatReport.Bot.Cli;

public sealed class CreateBranchCliCommand(IOrganisation organisation) : ICliCommand
{
    public string Name => "create-branch";

    public string Usage => "create-branch --name <name> [--parent <unit>] [--time-zone Asia/Shanghai] [--kind branch|general-branch|group]";

    public string Summary => "Creates a unit (by default a branch under the only top unit).";

    public async Task<int> RunAsync(CliArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(output);
        arguments.Allow(0, "name", "parent", "time-zone", "kind");
        var name = arguments.Require("name");
        var kind = arguments.Get("kind")?.ToUpperInvariant() switch
        {
            null or "BRANCH" => OrgUnitKind.Branch,
            "GENERAL-BRANCH" or "GENERAL_BRANCH" => OrgUnitKind.GeneralBranch,
            "GROUP" => OrgUnitKind.Group,
            "COMMITTEE" => OrgUnitKind.Committee,
            _ => throw new CliUsageException("--kind must be branch, general-branch, group or committee."),
        };
        OrgUnit parent;
        if (arguments.Get("parent") is { } reference)
        {
            parent = await CliLookup.UnitAsync(organisation, reference, cancellationToken);
        }
        else
        {
            var tops = (await organisation.ListChildrenAsync(null, cancellationToken)).Where(u => u.IsActive).ToList();
            parent = tops.Count == 1 ? tops[0] : throw new CliUsageException(tops.Count == 0 ? "There is no top unit yet; give --parent." : "There are several top units; give --parent.");
        }

        var zone = arguments.Get("time-zone") ?? parent.TimeZone;
        if (!LocalCalendar.IsKnownTimeZone(zone))
        {
            throw new CliFailureException($"'{zone}' is not a time zone this machine knows (for example Asia/Shanghai).");
        }

        if ((await organisation.ListChildrenAsync(parent.Id, cancellationToken)).Any(u => u.IsActive && string.Equals(u.Name, name, StringComparison.Ordinal)))
        {
            throw new CliFailureException($"{parent.Name} already has a unit called '{name}'.");
        }

        var created = await organisation.CreateUnitAsync(new NewOrgUnit(parent.Id, kind, name, zone), actorId: null, cancellationToken);
        await output.WriteLineAsync($"Created #{created.Id} {created.Name} under #{parent.Id} {parent.Name} ({created.TimeZone}).");
        return CliExitCode.Success;
    }
}
