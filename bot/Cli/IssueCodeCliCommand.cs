using System.Globalization;
using ChatReport.Conversation.Domain;

namespace ChatReport.Bot.Cli;

public sealed class IssueCodeCliCommand(IOrganisation organisation, IMemberDirectory members, IJoinCodes codes, TimeProvider time) : ICliCommand
{
    public string Name => "issue-code";

    public string Usage => "issue-code --branch <unit> [--days <n>] [--max-uses <n>]  |  issue-code --member <name> --branch <unit> | --member #id [--days <n>]";

    public string Summary => "Issues a six-digit join code for a unit (ordinary members), or a one-time personal code that claims one roster entry with its roles.";

    public async Task<int> RunAsync(CliArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(output);
        arguments.Allow(0, "branch", "days", "max-uses", "member");
        DateTimeOffset? expires = arguments.GetPositiveInt("days") is { } days ? time.GetUtcNow().AddDays(days) : null;
        if (arguments.Get("member") is { } reference)
        {
            if (arguments.Get("max-uses") is not null)
            {
                throw new CliUsageException("A personal code works once; --max-uses is for branch codes.");
            }

            var branch = arguments.Get("branch") is { } unitReference ? await CliLookup.UnitAsync(organisation, unitReference, cancellationToken) : null;
            var member = await CliLookup.MemberAsync(members, reference, branch, cancellationToken);
            var personal = await codes.IssuePersonalAsync(member.Id, issuedBy: null, expires, cancellationToken)
                ?? throw new CliFailureException($"#{member.Id} {member.DisplayName} is not an active member of an active unit.");
            await output.WriteLineAsync($"{personal.Code}  (personal code for #{member.Id} {member.DisplayName}, once, {Until(personal)})");
            return CliExitCode.Success;
        }

        var unit = await CliLookup.UnitAsync(organisation, arguments.Require("branch"), cancellationToken);
        var code = await codes.IssueAsync(unit.Id, issuedBy: null, expires, arguments.GetPositiveInt("max-uses"), cancellationToken);
        await output.WriteLineAsync($"{code.Code}  (join code for #{unit.Id} {unit.Name}, {Until(code)})");
        return CliExitCode.Success;
    }

    private static string Until(JoinCode code) =>
        code.ExpiresAt is { } at ? "until " + at.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "with no expiry";
}
