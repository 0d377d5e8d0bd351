using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using SQLitePCL;

namespace ChatReport.Bot.Storage.Connections;

/// <summary>
/// SQLite: one file, opened with foreign keys on and the synchronous and busy-timeout pragmas on
/// every connection; each connection keeps the statements it runs again prepared
/// (<see cref="StatementCachingSqliteConnection"/>).
/// </summary>
public sealed class SqliteConnectionFactory : DbConnectionFactory
{
    private readonly string _connectionString;
    private readonly string _openPragmas;

    public SqliteConnectionFactory(string connectionString, IOptions<StorageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new SqliteConnectionStringBuilder(connectionString)
        {
            ForeignKeys = true,
            Pooling = true,
            DefaultTimeout = options.Value.BusyTimeoutSeconds,
        };
        _connectionString = builder.ToString();
        DataSource = builder.DataSource;
        // synchronous and busy_timeout are per connection, so they are set on every open;
        // journal_mode=WAL persists in the file and is set once by the migrator.
        _openPragmas = $"PRAGMA synchronous={options.Value.Synchronous}; PRAGMA busy_timeout={options.Value.BusyTimeoutSeconds * 1000};";
        DapperConfiguration.EnsureConfigured();
    }

    public override StorageProvider Provider => StorageProvider.Sqlite;

    /// <summary>The database file as configured (relative paths resolve against the working directory).</summary>
    public override string DataSource { get; }

    internal override string BeginWrite => "BEGIN IMMEDIATE";

    internal override string BeginSnapshot => "BEGIN";

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => await OpenSqliteAsync(cancellationToken);

    /// <summary>A connection typed for what only SQLite has (the online backup, the file's pragmas).</summary>
    public async Task<SqliteConnection> OpenSqliteAsync(CancellationToken cancellationToken)
    {
        var connection = new StatementCachingSqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            // Run once per open: not worth a place among the connection's prepared statements.
            using var command = new SqliteCommand(_openPragmas, connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public override ValueTask<DbTransaction> BeginSnapshotTransactionAsync(DbConnection connection, CancellationToken cancellationToken) =>
        ValueTask.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: true));

    internal override async Task RollBackAsync(DbConnection connection)
    {
        // SQLite ends the transaction itself on some errors (disk full, I/O); ROLLBACK would then fail.
        if (raw.sqlite3_get_autocommit(((SqliteConnection)connection).Handle) != 0)
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = "ROLLBACK";
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }

    public override void ClearPool() => SqliteConnection.ClearAllPools();
}
