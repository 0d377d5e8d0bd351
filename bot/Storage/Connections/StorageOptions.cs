using System.ComponentModel.DataAnnotations;

namespace ChatReport.Bot.Storage.Connections;

/// <summary>Which database the bot uses and how it talks to it.</summary>
public sealed record StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Used when <c>ConnectionStrings:ChatReport</c> is not set (SQLite only; PostgreSQL needs one).</summary>
    public const string DefaultConnectionString = "Data Source=chatreport.db";

    /// <summary><c>Sqlite</c> (one file, the default) or <c>PostgreSql</c> (<c>ConnectionStrings:ChatReport</c> is an Npgsql connection string).</summary>
    public StorageProvider Provider { get; init; } = StorageProvider.Sqlite;

    /// <summary>
    /// SQLite only. FULL makes every acknowledged turn survive a power cut, at one fsync per commit;
    /// NORMAL survives a process crash but may lose the last commits on power loss.
    /// </summary>
    [AllowedValues("FULL", "NORMAL")]
    public string Synchronous { get; init; } = "FULL";

    /// <summary>SQLite only. How long a writer waits for a lock before SQLite reports "database is locked".</summary>
    [Range(1, 600)]
    public int BusyTimeoutSeconds { get; init; } = 30;

    /// <summary>
    /// Most turns committed together in one transaction (one fsync). Turns that arrive while a
    /// commit is running wait for the next one, so under load the commits grow on their own.
    /// </summary>
    [Range(1, 10_000)]
    public int MaxUnitsPerCommit { get; init; } = 256;
}
