using System.Data.Common;

namespace ChatReport.Bot.Storage.Connections;

public static class DbSnapshots
{
    /// <summary>
    /// Runs several reads against one snapshot, so figures read one after the other agree. Inside
    /// a write unit the unit's transaction already is that snapshot (and holds the unit's own
    /// writes); elsewhere a deferred transaction of its own provides it.
    /// </summary>
    public static async Task<T> ReadAsync<T>(
        this DbConnectionFactory connections,
        Func<DbConnection, Task<T>> work,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connections);
        ArgumentNullException.ThrowIfNull(work);
        if (DbScope.Current is { } scope)
        {
            return await work(scope.Connection);
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        await using (var begin = connection.CreateCommand())
        {
            begin.CommandText = connections.BeginSnapshot;
            await begin.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            return await work(connection);
        }
        finally
        {
            await connections.RollBackAsync(connection);
        }
    }
}
