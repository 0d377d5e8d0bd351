using System.Data.Common;
using Npgsql;

namespace ChatReport.Bot.Storage.Connections;

/// <summary>
/// PostgreSQL through Npgsql, from <c>ConnectionStrings:ChatReport</c>. Npgsql pools the
/// connections; one data source serves the whole process.
/// </summary>
public sealed class PostgreSqlConnectionFactory : DbConnectionFactory, IAsyncDisposable
{
    /// <summary>
    /// The advisory lock every write transaction takes first (xact-scoped: released by COMMIT or
    /// ROLLBACK). It gives PostgreSQL SQLite's one-writer-at-a-time rule, which the stores'
    /// read-then-write units were written for, across every instance on the database.
    /// </summary>
    internal const long WriteLockKey = 0x43_68_61_74_52_65_70_01; // "ChatRep" + 1

    /// <summary>Statements kept prepared per connection unless the connection string says otherwise.</summary>
    internal const int DefaultMaxAutoPrepare = 128;

    /// <summary>How often a statement runs on a connection before Npgsql prepares it there.</summary>
    internal const int DefaultAutoPrepareMinUsages = 2;

    private readonly NpgsqlDataSource _dataSource;

    public PostgreSqlConnectionFactory(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        DataSource = $"{builder.Host}:{builder.Port}/{builder.Database}";
        // A turn runs the same few dozen statements every time; prepared, PostgreSQL neither
        // parses nor plans them again on that connection. An administrator's own values stay.
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = DefaultMaxAutoPrepare;
        }

        if (!given.ContainsKey("Auto Prepare Min Usages") && !given.ContainsKey("AutoPrepareMinUsages"))
        {
            builder.AutoPrepareMinUsages = DefaultAutoPrepareMinUsages;
        }

        _dataSource = NpgsqlDataSource.Create(builder);
        DapperConfiguration.EnsureConfigured();
    }

    public override StorageProvider Provider => StorageProvider.PostgreSql;

    public override string DataSource { get; }

    internal override string BeginWrite { get; } = $"BEGIN; SELECT pg_advisory_xact_lock({WriteLockKey})";

    /// <summary>The data source's settings as Npgsql uses them (the tests check what was defaulted).</summary>
    internal string ConnectionString => _dataSource.ConnectionString;

    internal override string BeginSnapshot => "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    public override ValueTask<DbTransaction> BeginSnapshotTransactionAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
    }

    internal override async Task RollBackAsync(DbConnection connection)
    {
        // Without an open transaction PostgreSQL only warns; a broken connection has nothing to undo.
        if (connection.State != System.Data.ConnectionState.Open)
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = "ROLLBACK";
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }

    public override void ClearPool() => _dataSource.Clear();

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
