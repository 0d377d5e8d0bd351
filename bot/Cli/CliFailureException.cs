namespace ChatReport.Bot.Cli;

/// <summary>The command could not do what was asked (unknown branch, ambiguous name). Ends with <see cref="CliExitCode.Failed"/>.</summary>
public sealed class CliFailureException(string message) : Exception(message);
