namespace ChatReport.Bot.Cli;

/// <summary>The roster file cannot be read at all (missing, not UTF-8, bad header); nothing was imported.</summary>
public sealed class RosterFileException(string message, Exception? inner = null) : Exception(message, inner);
