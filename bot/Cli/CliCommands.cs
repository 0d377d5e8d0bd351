namespace ChatReport.Bot.Cli;

/// <summary>The command line's dispatcher: command name → <see cref="ICliCommand"/>, plus <c>help</c>.</summary>
public sealed class CliCommands
{
    private readonly Dictionary<string, ICliCommand> _commands;

    public CliCommands(IEnumerable<ICliCommand> commands)
    {
        ArgumentNullException.ThrowIfNull(commands);
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
            return await command.RunAsync(CliArguments.Parse([.. args.Skip(1)]), output, cancellationToken);
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
