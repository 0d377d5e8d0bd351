using System.Data.Common;

namespace ChatReport.Bot.Storage.Connections;

/// <summary>
/// The write transaction the current async flow runs in: one connection with a transaction begun
/// by plain SQL (<see cref="DbConnectionFactory.BeginWrite"/>), nested units as savepoints, and the actions to run once
/// the transaction is durable. Every store call made while a scope is current joins it, so a turn
/// and everything it writes (claims, ledger, audit, dialog state, outgoing messages) commit or
/// roll back together.
/// </summary>
/// <remarks>
/// Transactions are driven by SQL rather than <see cref="DbTransaction"/> because
/// Microsoft.Data.Sqlite requires every command on a connection with an ADO.NET transaction to
/// name it, and the stores' commands do not know which unit they are part of. PostgreSQL accepts
/// the same BEGIN / SAVEPOINT / RELEASE / ROLLBACK TO / COMMIT; there a failed statement aborts
/// the whole transaction until ROLLBACK TO its savepoint, which a failed unit always runs, so the
/// other units of a group commit still commit.
/// </remarks>
public sealed class DbScope
{
    private static readonly AsyncLocal<DbScope?> Ambient = new();

    // One list per open savepoint level; level 0 is the transaction itself. Actions registered in
    // a savepoint move to its parent on release and are dropped on rollback.
    private readonly List<List<Action>> _afterCommit = [[]];

    internal DbScope(DbConnection connection)
    {
        Connection = connection;
    }

    /// <summary>The open scope of this async flow, or null outside any write transaction.</summary>
    public static DbScope? Current => Ambient.Value is { IsOpen: true } scope ? scope : null;

    internal DbConnection Connection { get; }

    internal bool IsOpen { get; private set; } = true;

    /// <summary>True once the engine itself ended the transaction (SQLite on an I/O or disk-full error, PostgreSQL on a lost connection) (an I/O or disk-full error): nothing more can join it.</summary>
    internal bool IsBroken { get; private set; }

    /// <summary>Runs <paramref name="action"/> after the commit, and never if the work that registered it rolls back.</summary>
    public void AfterCommit(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        _afterCommit[^1].Add(action);
    }

    internal static void Enter(DbScope? scope) => Ambient.Value = scope;

    /// <summary>Runs <paramref name="work"/> in a savepoint: on an exception only its own writes are undone.</summary>
    internal async Task<T> InSavepointAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        var name = "unit" + _afterCommit.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await ExecuteAsync($"SAVEPOINT {name}", cancellationToken);
        _afterCommit.Add([]);
        T result;
        try
        {
            result = await work();
        }
        catch
        {
            _afterCommit.RemoveAt(_afterCommit.Count - 1);
            await RollBackToAsync(name);
            throw;
        }

        var actions = _afterCommit[^1];
        _afterCommit.RemoveAt(_afterCommit.Count - 1);
        await ExecuteAsync($"RELEASE {name}", CancellationToken.None);
        _afterCommit[^1].AddRange(actions);
        return result;
    }

    /// <summary>Ends the scope and hands over what must run after the commit.</summary>
    internal IReadOnlyList<Action> Close()
    {
        IsOpen = false;
        return _afterCommit[0];
    }

    internal Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task RollBackToAsync(string name)
    {
        try
        {
            await ExecuteAsync($"ROLLBACK TO {name}", CancellationToken.None);
            await ExecuteAsync($"RELEASE {name}", CancellationToken.None);
        }
        catch (DbException)
        {
            // The engine already rolled the whole transaction back (disk full, I/O error); the owner
            // of the transaction sees the scope broken and fails every unit in it.
            IsBroken = true;
        }
    }
}
