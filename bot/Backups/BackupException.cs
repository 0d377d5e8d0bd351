namespace ChatReport.Bot.Backups;

/// <summary>A backup or restore could not be done; the message is for the administrator.</summary>
public sealed class BackupException : Exception
{
    public BackupException(string message)
        : base(message)
    {
    }

    public BackupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
