namespace ChatReport.Bot.Storage.Connections;

/// <summary>The database engine behind the stores (<c>Storage:Provider</c>).</summary>
public enum StorageProvider
{
    /// <summary>One SQLite file next to the bot: the default, and the only choice for one machine with backups by the bot.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database given by <c>ConnectionStrings:ChatReport</c> (an Npgsql connection string).</summary>
    PostgreSql,
}
