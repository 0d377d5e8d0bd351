using ChatReport.Conversation.Domain;

namespace ChatReport.Bot.Cli;

public sealed class ReloadRulesCliCommand(IRuleBook rules) : ICliCommand
{
    public string Name => "reload-rules";

    public string Usage => "reload-rules";

    public string Summary => "Reads the rules file (Rules:Path) again; a file with errors changes nothing.";

    public async Task<int> RunAsync(CliArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(output);
        arguments.Allow(0);
        var result = await rules.ReloadAsync(actorId: null, cancellationToken);
        if (!result.Succeeded)
        {
            await output.WriteLineAsync($"{result.Source} has errors; nothing was changed:");
            foreach (var error in result.Errors)
            {
                await output.WriteLineAsync("  " + error);
            }

            return CliExitCode.Failed;
        }

        await output.WriteLineAsync($"Reloaded {result.Source}.");
        await output.WriteLineAsync($"  added: {List(result.Added)}");
        await output.WriteLineAsync($"  updated: {List(result.Updated)}");
        await output.WriteLineAsync($"  deactivated: {List(result.Deactivated)}");
        await output.WriteLineAsync($"  unchanged: {result.Unchanged}");
        return CliExitCode.Success;
    }

    private static string List(IReadOnlyList<string> codes) => codes.Count == 0 ? "-" : string.Join(", ", codes);
}
