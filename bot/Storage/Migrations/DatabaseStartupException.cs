namespace ChatReport.Bot.Storage.Migrations;

/// <summary>
/// The database cannot be used as it is. The message is meant for the administrator and is
/// printed without a stack trace.
/// </summary>
public sealed class DatabaseStartupException : Exception
{
    public DatabaseStartupException(string message)
        : base(message)
    {
    }

    public DatabaseStartupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
