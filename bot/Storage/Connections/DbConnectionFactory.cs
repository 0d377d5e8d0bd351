using System.Data.Common;

namespace ChatReport.Bot.Storage.Connections;

/// <summary>
/// The one place that knows how ChatReport opens its database; one implementation per
/// <see cref="StorageProvider"/>. Stores ask for a connection with <see cref="UseAsync"/>: inside
/// a write unit (<see cref="DbScope"/>) they get its connection, elsewhere a pooled one of their
/// own. A connection is used by one async flow at a time.
/// </summary>
public abstract class DbConnectionFactory
{
    public abstract StorageProvider Provider { get; }

    /// <summary>Where the data lives, for the administrator's log lines (a file path or host/database; never a password).</summary>
    public abstract string DataSource { get; }

    /// <summary>
    /// The SQL that opens a write transaction. Both engines serialise writers: SQLite by its one
    /// write lock (BEGIN IMMEDIATE), PostgreSQL by one advisory lock taken first, so a unit's
    /// read-then-write never races another writer, whichever instance runs it.
    /// </summary>
    internal abstract string BeginWrite { get; }

    /// <summary>The SQL that opens a read-only transaction whose reads all see one snapshot.</summary>
    internal abstract string BeginSnapshot { get; }

    /// <summary>The current unit's connection, or a new pooled one when no unit is open.</summary>
    public async Task<ConnectionLease> UseAsync(CancellationToken cancellationToken) =>
        DbScope.Current is { } scope
            ? new ConnectionLease(scope.Connection, owned: false)
            : new ConnectionLease(await OpenAsync(cancellationToken), owned: true);

    /// <summary>A new pooled connection of the caller's own, whatever unit is open (migrations, snapshot reads, tools).</summary>
    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// An ADO.NET transaction whose reads all see one snapshot and that takes no write lock
    /// (SQLite: deferred; PostgreSQL: repeatable read), for readers that fill temporary tables.
    /// </summary>
    public abstract ValueTask<DbTransaction> BeginSnapshotTransactionAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Rolls back whatever transaction is open on the connection; the engine may already have done so.</summary>
    internal abstract Task RollBackAsync(DbConnection connection);

    /// <summary>Drops the pooled connections (tests deleting their database, a restore replacing the file).</summary>
    public abstract void ClearPool();
}
