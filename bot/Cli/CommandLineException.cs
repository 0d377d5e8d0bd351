namespace ChatReport.Bot.Cli;

/// <summary>A command's arguments cannot be used; the message says how to fix them.</summary>
public sealed class CommandLineException : Exception
{
    public CommandLineException()
    {
    }

    public CommandLineException(string message)
        : base(message)
    {
    }

    public CommandLineException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
