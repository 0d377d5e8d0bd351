using System.ComponentModel.DataAnnotations;

namespace ChatReport.Bot.Storage.Connections;

/// <summary>How the bot talks to its SQLite file.</summary>
public sealed record StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Used when <c>ConnectionStrings:ChatReport</c> is not set.</summary>
    public const string DefaultConnectionString = "Data Source=chatreport.db";

    /// <summary>
    /// FULL makes every acknowledged turn survive a power cut, at one fsync per commit;
    /// NORMAL survives a process crash but may lose the last commits on power loss.
    /// </summary>
    [AllowedValues("FULL", "NORMAL")]
    public string Synchronous { get; init; } = "FULL";

    /// <summary>How long a writer waits for a lock before SQLite reports "database is locked".</summary>
    [Range(1, 600)]
    public int BusyTimeoutSeconds { get; init; } = 30;

    /// <summary>
    /// Most turns committed together in one transaction (one fsync). Turns that arrive while a
    /// commit is running wait for the next one, so under load the commits grow on their own.
    /// </summary>
    [Range(1, 10_000)]
    public int MaxUnitsPerCommit { get; init; } = 256;
}
