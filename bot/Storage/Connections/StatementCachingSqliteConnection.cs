using System.Data;
using Microsoft.Data.Sqlite;

namespace ChatReport.Bot.Storage.Connections;

/// <summary>
/// A SQLite connection that keeps a statement prepared once it has run it twice, for as long as
/// it stays open. Microsoft.Data.Sqlite keeps prepared statements per command object only
/// (dotnet/efcore#14044, open), and Dapper makes a new command for every call, so without this
/// every call parses and plans its SQL again: about half of SQLite's share of a member turn's CPU.
/// The stores do not change: the command Dapper gets runs on this connection's prepared statement
/// for the same text, with the command's own parameters, transaction and timeout.
/// </summary>
/// <remarks>
/// It pays on connections that live long and run the same statements again: the group commit's
/// writer, which runs every turn. A pooled connection for one store call sees each text once,
/// runs it as a plain command, and only remembers that it saw it. Prepared statements belong to
/// the connection and are finalized when it closes (Microsoft.Data.Sqlite disposes every command
/// of a connection on close), so none outlives it or moves to another. A statement whose reader is
/// still open (a nested query of the same text) is not shared: the second one runs as a plain
/// command. Statements survive savepoints, rollbacks and commits; SQLite re-prepares one by
/// itself when the schema changes under it.
/// </remarks>
public sealed class StatementCachingSqliteConnection(string connectionString) : SqliteConnection(connectionString)
{
    // A turn runs a few dozen distinct statements; Dapper's list expansion and the tools make
    // more, so both sets are bounded. Prepared statements take SQLite memory (a few KiB each).
    private const int MaxPrepared = 256;
    private const int MaxSeen = 1024;

    private readonly Dictionary<string, PreparedStatement> _prepared = new(StringComparer.Ordinal);
    private HashSet<string>? _seenOnce;

    /// <summary>Statements kept prepared now (for tests and diagnostics).</summary>
    public int PreparedCount => _prepared.Count;

    public override SqliteCommand CreateCommand() => new Command(this)
    {
        CommandTimeout = DefaultTimeout,
        Transaction = Transaction,
    };

    public override void Close()
    {
        // Closing disposes every command of the connection, these included.
        base.Close();
        _prepared.Clear();
        _seenOnce = null;
    }

    /// <summary>The prepared statement to run <paramref name="sql"/> on, or null to run it as a plain command.</summary>
    private PreparedStatement? Rent(string sql)
    {
        if (_prepared.TryGetValue(sql, out var prepared))
        {
            return prepared.HasOpenReader ? null : prepared;
        }

        _seenOnce ??= new HashSet<string>(StringComparer.Ordinal);
        if (_seenOnce.Add(sql))
        {
            if (_seenOnce.Count > MaxSeen)
            {
                _seenOnce.Clear();
            }

            return null;
        }

        if (_prepared.Count >= MaxPrepared)
        {
            // Rare (only a run of distinct texts fills it): start again; what is hot comes back.
            foreach (var (text, idle) in _prepared.Where(p => !p.Value.HasOpenReader).ToList())
            {
                idle.Dispose();
                _prepared.Remove(text);
            }
        }

        prepared = new PreparedStatement(sql, this);
        _prepared.Add(sql, prepared);
        return prepared;
    }

    /// <summary>The command the callers get; it runs on the connection's prepared statement for its text.</summary>
    private sealed class Command : SqliteCommand
    {
        private readonly StatementCachingSqliteConnection _owner;

        public Command(StatementCachingSqliteConnection owner)
        {
            _owner = owner;
            Connection = owner;
        }

        // ExecuteNonQuery, ExecuteScalar and every async variant end here.
        public override SqliteDataReader ExecuteReader(CommandBehavior behavior)
        {
            if (Connection != _owner || _owner.State != ConnectionState.Open || _owner.Rent(CommandText) is not { } prepared)
            {
                return base.ExecuteReader(behavior);
            }

            prepared.Transaction = Transaction;
            prepared.CommandTimeout = CommandTimeout;
            prepared.Parameters.Clear();
            foreach (SqliteParameter parameter in Parameters)
            {
                prepared.Parameters.Add(parameter);
            }

            return prepared.ExecuteReader(behavior);
        }
    }

    /// <summary>A command kept for its prepared statement; it lives until the connection closes.</summary>
    private sealed class PreparedStatement : SqliteCommand
    {
        public PreparedStatement(string sql, SqliteConnection connection)
            : base(sql, connection)
        {
        }

        public bool HasOpenReader => DataReader is not null;
    }
}
