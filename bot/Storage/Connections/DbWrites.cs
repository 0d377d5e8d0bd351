using System.Data.Common;

namespace ChatReport.Bot.Storage.Connections;

public static class DbWrites
{
    /// <summary>
    /// Runs <paramref name="work"/> as one unit. Inside an open <see cref="DbScope"/> (a turn) it is
    /// a savepoint of that transaction: an exception undoes only this unit's writes, and nothing is
    /// durable before the scope commits. Elsewhere it opens its own connection and a non-deferred
    /// transaction (<see cref="DbConnectionFactory.BeginWrite"/>): the write lock is taken before the first read, so a
    /// read-then-write never fails half-way with "database is locked", and two writers are
    /// serialised by the busy timeout. The transaction argument is always null: commands join the
    /// transaction through the connection.
    /// </summary>
    public static async Task<T> WriteAsync<T>(
        this DbConnectionFactory connections,
        Func<DbConnection, DbTransaction?, Task<T>> work,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connections);
        ArgumentNullException.ThrowIfNull(work);
        if (DbScope.Current is { } scope)
        {
            return await scope.InSavepointAsync(() => work(scope.Connection, null), cancellationToken);
        }

        await using var lease = await connections.UseAsync(cancellationToken);

        var connection = lease.Connection;
        var (result, afterCommit) = await RunInTransactionAsync(connections, connection, () => work(connection, null), cancellationToken);
        foreach (var action in afterCommit)
        {
            action();
        }

        return result;
    }

    /// <summary>
    /// Runs <paramref name="work"/> between the provider's write BEGIN and COMMIT on
    /// <paramref name="connection"/> with a scope of its own, and returns what must run after the
    /// commit. Rolls back and rethrows when the work or the commit fails.
    /// </summary>
    internal static async Task<(T Result, IReadOnlyList<Action> AfterCommit)> RunInTransactionAsync<T>(
        DbConnectionFactory connections,
        DbConnection connection,
        Func<Task<T>> work,
        CancellationToken cancellationToken)
    {
        var scope = new DbScope(connection);
        await scope.ExecuteAsync(connections.BeginWrite, cancellationToken);

        // The ambient scope is an AsyncLocal set inside this async method: the caller's comes back
        // by itself when the method returns, and a closed scope is no longer current.
        DbScope.Enter(scope);
        try
        {
            var result = await work();
            var afterCommit = scope.Close();
            await scope.ExecuteAsync("COMMIT", CancellationToken.None);
            return (result, afterCommit);
        }
        catch
        {
            scope.Close();
            await connections.RollBackAsync(connection);
            throw;
        }
    }
}
