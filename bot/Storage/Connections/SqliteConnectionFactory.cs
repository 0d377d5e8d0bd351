using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace ChatReport.Bot.Storage.Connections;

/// <summary>
/// The one place that knows how ChatReport opens SQLite. Stores ask for a connection with
/// <see cref="UseAsync"/>: inside a write unit (<see cref="DbScope"/>) they get its connection,
/// elsewhere a pooled one of their own. A connection is used by one async flow at a time.
/// </summary>
public sealed class SqliteConnectionFactory
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

    /// <summary>The database file as configured (relative paths resolve against the working directory).</summary>
    public string DataSource { get; }

    /// <summary>The current unit's connection, or a new pooled one when no unit is open.</summary>
    public async Task<ConnectionLease> UseAsync(CancellationToken cancellationToken) =>
        DbScope.Current is { } scope
            ? new ConnectionLease(scope.Connection, owned: false)
            : new ConnectionLease(await OpenAsync(cancellationToken), owned: true);

    /// <summary>A new pooled connection of the caller's own, whatever unit is open (migrations, snapshot reads, tools).</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            using var command = connection.CreateCommand();
            command.CommandText = _openPragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
