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

    /// <summary>
    /// How many bot instances serve this database (PostgreSQL). Each instance counts its own
    /// sends and requests in memory, so a limit that stands for a cap counted over the whole bot
    /// (a platform's per-group or per-tenant pace, sign-ins per address) is divided by this number
    /// in every instance, and the instances together stay within it.
    /// </summary>
    [Range(1, 64)]
    public int Instances { get; init; } = 1;

    /// <summary>This instance's part of a limit meant for all instances together (at least 1).</summary>
    public int ShareOf(int limit) => Math.Max(1, limit / Instances);
}
