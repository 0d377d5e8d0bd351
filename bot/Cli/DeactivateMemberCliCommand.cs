using ChatReport.Conversation.Domain;

namespace ChatReport.Bot.Cli;

public sealed class DeactivateMemberCliCommand(IOrganisation organisation, IMemberDirectory members) : ICliCommand
{
    public string Name => "deactivate-member";

    public string Usage => "deactivate-member --member <name|#id> [--branch <unit>]";

    public string Summary => "Deactivates a member; their history stays.";

    public async Task<int> RunAsync(CliArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(output);
        arguments.Allow(0, "member", "branch");
        var unit = arguments.Get("branch") is { } branch ? await CliLookup.UnitAsync(organisation, branch, cancellationToken) : null;
        var member = await CliLookup.MemberAsync(members, arguments.Require("member"), unit, cancellationToken);
        await members.SetActiveAsync(member.Id, isActive: false, actorId: null, cancellationToken);
        await output.WriteLineAsync($"Deactivated #{member.Id} {member.DisplayName}.");
        return CliExitCode.Success;
    }
}
