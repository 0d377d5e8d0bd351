namespace ChatReport.Bot.Cli;

/// <summary>The command line was wrong: a missing or unknown option. Ends with <see cref="CliExitCode.Usage"/>.</summary>
public sealed class CliUsageException(string message) : Exception(message);
