namespace ChatReport.Bot.Cli;

/// <summary>What follows the command name: <c>--name value</c> (or <c>--name=value</c>) pairs and positional words.</summary>
public sealed class CliArguments
{
    private readonly Dictionary<string, string> _options;

    private CliArguments(Dictionary<string, string> options, IReadOnlyList<string> positional)
    {
        _options = options;
        Positional = positional;
    }

    public IReadOnlyList<string> Positional { get; }

    public static CliArguments Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var positional = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                positional.Add(arg);
                continue;
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var (name, value) = equals > 0
                ? (arg[2..equals], arg[(equals + 1)..])
                : (arg[2..], i + 1 < args.Count ? args[++i] : throw new CliUsageException($"--{arg[2..]} needs a value."));
            // Host settings (--ConnectionStrings:ChatReport=…, --Administrators:0=…) go to the configuration, not the command.
            if (name.Contains(':', StringComparison.Ordinal))
            {
                continue;
            }

            if (!options.TryAdd(name, value))
            {
                throw new CliUsageException($"--{name} is given twice.");
            }
        }

        return new CliArguments(options, positional);
    }

    public string? Get(string name) => _options.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    public string Require(string name) => Get(name) ?? throw new CliUsageException($"--{name} is required.");

    public int? GetPositiveInt(string name) =>
        Get(name) is not { } text ? null
        : int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > 0 ? value
        : throw new CliUsageException($"--{name} must be a positive whole number.");

    /// <summary>Refuses options the command does not know and more positional words than it takes, so a typo is not silently ignored.</summary>
    public CliArguments Allow(int positional, params string[] names)
    {
        if (_options.Keys.FirstOrDefault(k => !names.Contains(k, StringComparer.OrdinalIgnoreCase)) is { } unknown)
        {
            throw new CliUsageException($"--{unknown} is not an option of this command.");
        }

        if (Positional.Count > positional)
        {
            throw new CliUsageException($"Unexpected '{Positional[positional]}'.");
        }

        return this;
    }
}
