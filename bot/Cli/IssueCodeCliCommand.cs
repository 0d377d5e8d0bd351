using System.Globalization;
using ChatReport.Dialogs.Domain;

namespace ChatReport.Bot.Cli;

public sealed class IssueCodeCliCommand(IOrganisation organisation, IJoinCodes codes, TimeProvider time) : ICliCommand
{
    public string Name => "issue-code";

    public string Usage => "issue-code --branch <unit> [--days <n>] [--max-uses <n>]";

    public string Summary => "Issues a six-digit join code for a unit.";

    public async Task<int> RunAsync(CliArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(output);
        arguments.Allow(0, "branch", "days", "max-uses");
        var unit = await CliLookup.UnitAsync(organisation, arguments.Require("branch"), cancellationToken);
        DateTimeOffset? expires = arguments.GetPositiveInt("days") is { } days ? time.GetUtcNow().AddDays(days) : null;
        var code = await codes.IssueAsync(unit.Id, issuedBy: null, expires, arguments.GetPositiveInt("max-uses"), cancellationToken);
        var until = code.ExpiresAt is { } at ? "until " + at.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "with no expiry";
        await output.WriteLineAsync($"{code.Code}  (join code for #{unit.Id} {unit.Name}, {until})");
        return CliExitCode.Success;
    }
}
