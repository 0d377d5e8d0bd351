namespace ChatReport.Bot.PostgreSqlExport;

/// <summary>An export was refused or did not match its source; nothing was kept. The message is for the administrator.</summary>
public sealed class ExportException : Exception
{
    public ExportException(string message)
        : base(message)
    {
    }

    public ExportException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
