using ChatReport.Bot.Storage.Connections;

namespace ChatReport.Bot.Cli;

/// <summary>The command line's dispatcher: command name → <see cref="ICliCommand"/>, plus <c>help</c>.</summary>
/// <remarks>
/// A command runs as one unit of the <see cref="GroupCommit"/>, like a chat turn: appointing a
/// secretary grants and revokes in one transaction, and a command that fails half-way changes
/// nothing. What it prints is held until the commit, so it never reports a change that was rolled back.
/// </remarks>
public sealed class CliCommands
{
    private readonly Dictionary<string, ICliCommand> _commands;
    private readonly GroupCommit _commits;

    public CliCommands(IEnumerable<ICliCommand> commands, GroupCommit commits)
    {
        ArgumentNullException.ThrowIfNull(commands);
        _commits = commits;
        _commands = commands.ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyCollection<string> Names => _commands.Keys;

    /// <summary>Whether <paramref name="args"/> name a command that runs before the database is migrated.</summary>
    public bool RunsBeforeMigrations(IReadOnlyList<string> args) =>
        args is [var name, ..] && _commands.TryGetValue(name, out var command) && command.RunsBeforeMigrations;

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var name = args.Count > 0 ? args[0] : "help";
        if (name is "help" or "--help" or "-h" or "-?")
        {
            await WriteHelpAsync(output);
            return CliExitCode.Success;
        }

        if (!_commands.TryGetValue(name, out var command))
        {
            await error.WriteLineAsync($"Unknown command '{name}'.");
            await WriteHelpAsync(error);
            return CliExitCode.Usage;
        }

        try
        {
            var arguments = CliArguments.Parse([.. args.Skip(1)]);
            if (!command.IsOneUnit)
            {
                return await command.RunAsync(arguments, output, cancellationToken);
            }

            using var held = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            var code = await _commits.RunAsync(ct => command.RunAsync(arguments, held, ct), cancellationToken);
            await output.WriteAsync(held.ToString());
            return code;
        }
        catch (CliUsageException ex)
        {
            await error.WriteLineAsync(ex.Message);
            await error.WriteLineAsync("Usage: " + command.Usage);
            return CliExitCode.Usage;
        }
        catch (CliFailureException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return CliExitCode.Failed;
        }
        catch (ArgumentException ex)
        {
            // The stores refuse bad values (empty names, unknown time zones) with ArgumentException.
            await error.WriteLineAsync(ex.Message);
            return CliExitCode.Failed;
        }
    }

    private async Task WriteHelpAsync(TextWriter writer)
    {
        await writer.WriteLineAsync("Usage: dotnet run --project bot -- <command> [options]   (or: dotnet ChatReport.Bot.dll <command> ...)");
        await writer.WriteLineAsync("Runs one command against the configured database and exits. Units and members are named, or given as #id.");
        foreach (var command in _commands.Values.OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            await writer.WriteLineAsync($"  {command.Usage}");
            await writer.WriteLineAsync($"      {command.Summary}");
        }

        await writer.WriteLineAsync("  help");
        await writer.WriteLineAsync("      Shows this list.");
    }
}
