using System.Data.Common;

namespace ChatReport.Bot.Storage.Connections;

/// <summary>
/// A connection for one store call: the current <see cref="DbScope"/>'s connection, so reads see
/// the unit's own writes, or a pooled connection of its own outside any scope.
/// </summary>
public sealed class ConnectionLease : IAsyncDisposable
{
    private readonly bool _owned;

    internal ConnectionLease(DbConnection connection, bool owned)
    {
        Connection = connection;
        _owned = owned;
    }

    public DbConnection Connection { get; }

    public ValueTask DisposeAsync() => _owned ? Connection.DisposeAsync() : ValueTask.CompletedTask;
}
