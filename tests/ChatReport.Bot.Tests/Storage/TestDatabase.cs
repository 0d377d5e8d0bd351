using ChatReport.Bot.Storage.Connections;
using ChatReport.Bot.Storage.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatReport.Bot.Tests.Storage;

/// <summary>
/// A fresh database deleted with the test: a SQLite file in a temporary folder, or a new database
/// on the test PostgreSQL server (<see cref="TestPostgres"/>). Either way the temporary folder is
/// there for the files a test writes next to its database.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string _folder;
    private readonly string? _postgresDatabase;

    public TestDatabase(StorageOptions? options = null, DateTimeOffset? now = null, StorageProvider provider = StorageProvider.Sqlite)
    {
        Time = new FakeTimeProvider(now ?? new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        Provider = provider;
        var storage = Options.Create(options ?? new StorageOptions());
        // The server first: a test skipped for want of one leaves no folder behind.
        (_postgresDatabase, var postgres) = provider == StorageProvider.PostgreSql ? TestPostgres.CreateDatabase() : default;
        _folder = Directory.CreateTempSubdirectory("chatreport-test-").FullName;
        Path = System.IO.Path.Combine(_folder, "test.db");
        if (postgres is not null)
        {
            ConnectionString = postgres;
            Connections = new PostgreSqlConnectionFactory(ConnectionString);
        }
        else
        {
            ConnectionString = $"Data Source={Path}";
            Connections = new SqliteConnectionFactory(ConnectionString, storage);
        }

        Commits = new GroupCommit(Connections, storage, NullLogger<GroupCommit>.Instance);
    }

    public StorageProvider Provider { get; }

    /// <summary>The SQLite file (or, on PostgreSQL, a path in the test's folder that is never created).</summary>
    public string Path { get; }

    /// <summary>What <c>ConnectionStrings:ChatReport</c> would hold for this database.</summary>
    public string ConnectionString { get; }

    public FakeTimeProvider Time { get; }

    public DbConnectionFactory Connections { get; }

    /// <summary>The group commit over this database, as the host has it.</summary>
    public GroupCommit Commits { get; }

    public DatabaseMigrator Migrator => new(Connections, Time, NullLogger<DatabaseMigrator>.Instance);

    public void Dispose()
    {
        Commits.Dispose();
        if (Connections is PostgreSqlConnectionFactory postgres)
        {
            // Closes the pooled connections, so that the database can be dropped.
            postgres.ClearPool();
            TestPostgres.DropDatabase(_postgresDatabase!);
        }
        else
        {
            Connections.ClearPool();
        }

        Directory.Delete(_folder, recursive: true);
    }
}
