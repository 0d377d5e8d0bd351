namespace ChatReport.Bot.Cli;

/// <summary>
/// A command's <c>--name value</c> options. Options whose name contains a colon, or that use
/// <c>--name=value</c>, are configuration and are passed on to the host.
/// </summary>
public sealed class CommandArguments
{
    private readonly Dictionary<string, string> _options;

    private CommandArguments(Dictionary<string, string> options, List<string> rest)
    {
        _options = options;
        Rest = rest;
    }

    public IReadOnlyList<string> Rest { get; }

    public static CommandArguments Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var rest = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg.StartsWith("--", StringComparison.Ordinal) && !arg.Contains(':', StringComparison.Ordinal) && !arg.Contains('=', StringComparison.Ordinal)
                && i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                options[arg[2..]] = args[++i];
            }
            else
            {
                rest.Add(arg);
            }
        }

        return new CommandArguments(options, rest);
    }

    public string? Get(string name) => _options.GetValueOrDefault(name);

    public string Require(string name, string example) =>
        Get(name) ?? throw new CommandLineException($"Missing --{name} (for example --{name} {example}).");
}
