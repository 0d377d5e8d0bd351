using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace ChatReport.Bot.Storage;

/// <summary>
/// The one place that knows how ChatReport opens SQLite. Every unit of work opens its own
/// pooled connection; connections are never shared across threads.
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
