using ChatReport.Conversation.Domain;

namespace ChatReport.Bot.Cli;

/// <summary>Lists the words a branch taught the bot, or forgets one (--forget).</summary>
public sealed class LearnedWordsCliCommand(IOrganisation organisation, ILearnedWordBook words, IRuleBook rules) : ICliCommand
{
    public string Name => "learned-words";

    public string Usage => "learned-words --branch <unit> [--forget <word>]";

    public string Summary => "Lists the words a branch's members taught for its rules (approved claims behind each), or forgets one.";

    public async Task<int> RunAsync(CliArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(output);
        arguments.Allow(0, "branch", "forget");
        var unit = await CliLookup.UnitAsync(organisation, arguments.Require("branch"), cancellationToken);
        if (arguments.Get("forget") is { } word)
        {
            var removed = await words.RemoveAsync(unit.Id, word, actorId: null, cancellationToken);
            if (removed == 0)
            {
                await output.WriteLineAsync($"#{unit.Id} {unit.Name} has not learned '{word}'.");
                return CliExitCode.Failed;
            }

            await output.WriteLineAsync($"Forgot '{word}' for #{unit.Id} {unit.Name} ({removed} record(s)).");
            return CliExitCode.Success;
        }

        var learned = await words.ListAsync(unit.Id, cancellationToken);
        if (learned.Count == 0)
        {
            await output.WriteLineAsync($"#{unit.Id} {unit.Name} has learned no words yet.");
            return CliExitCode.Success;
        }

        foreach (var entry in learned)
        {
            var rule = await rules.GetAsync(entry.RuleId, cancellationToken);
            var status = entry.ApprovedClaims > 0 ? $"{entry.ApprovedClaims} approved claim(s)" : "no approved claim yet (not used)";
            await output.WriteLineAsync($"{entry.Word}\t{rule?.Code ?? "#" + entry.RuleId}\t{status}");
        }

        return CliExitCode.Success;
    }
}
