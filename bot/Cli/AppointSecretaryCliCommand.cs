using ChatReport.Conversation.Domain;

namespace ChatReport.Bot.Cli;

public sealed class AppointSecretaryCliCommand(IOrganisation organisation, IMemberDirectory members) : ICliCommand
{
    public string Name => "appoint-secretary";

    public string Usage => "appoint-secretary --branch <unit> --member <name|#id>";

    public string Summary => "Makes a member the branch's secretary, replacing the current one.";

    public async Task<int> RunAsync(CliArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(output);
        arguments.Allow(0, "branch", "member");
        var unit = await CliLookup.UnitAsync(organisation, arguments.Require("branch"), cancellationToken);
        var member = await CliLookup.MemberAsync(members, arguments.Require("member"), unit, cancellationToken);
        var previous = new List<Member>();
        foreach (var reviewer in await members.ListReviewersAsync(unit.Id, cancellationToken))
        {
            if (reviewer.Id != member.Id && (await members.GetRolesAsync(reviewer.Id, cancellationToken)).Any(r => r.UnitId == unit.Id && r.Role == Role.Secretary))
            {
                previous.Add(reviewer);
            }
        }

        // Grant first: the branch is never without a reviewer, even if the revoke fails.
        await members.GrantRoleAsync(unit.Id, member.Id, Role.Secretary, canReview: true, grantedBy: null, cancellationToken);
        foreach (var old in previous)
        {
            await members.RevokeRoleAsync(unit.Id, old.Id, Role.Secretary, revokedBy: null, cancellationToken);
            await output.WriteLineAsync($"#{old.Id} {old.DisplayName} is no longer secretary of {unit.Name}.");
        }

        await output.WriteLineAsync($"#{member.Id} {member.DisplayName} is the secretary of #{unit.Id} {unit.Name}.");
        return CliExitCode.Success;
    }
}
