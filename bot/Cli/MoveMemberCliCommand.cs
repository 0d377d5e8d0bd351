using ChatReport.Conversation.Domain;

namespace ChatReport.Bot.Cli;

public sealed class MoveMemberCliCommand(IOrganisation organisation, IMemberDirectory members) : ICliCommand
{
    public string Name => "move-member";

    public string Usage => "move-member --member <name|#id> [--branch <current unit>] --to <unit>";

    public string Summary => "Moves a member to another unit; booked points stay where they were booked.";

    public async Task<int> RunAsync(CliArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(output);
        arguments.Allow(0, "member", "branch", "to");
        var from = arguments.Get("branch") is { } branch ? await CliLookup.UnitAsync(organisation, branch, cancellationToken) : null;
        var member = await CliLookup.MemberAsync(members, arguments.Require("member"), from, cancellationToken);
        var target = await CliLookup.UnitAsync(organisation, arguments.Require("to"), cancellationToken);
        if (member.UnitId == target.Id)
        {
            await output.WriteLineAsync($"#{member.Id} {member.DisplayName} already is in {target.Name}; nothing changed.");
            return CliExitCode.Success;
        }

        _ = await members.MoveMemberAsync(member.Id, target.Id, actorId: null, cancellationToken) ?? throw new CliFailureException("The member or the unit no longer exists.");
        await output.WriteLineAsync($"Moved #{member.Id} {member.DisplayName} to #{target.Id} {target.Name}.");
        return CliExitCode.Success;
    }
}
