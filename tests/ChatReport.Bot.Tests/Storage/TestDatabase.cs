using ChatReport.Bot.Storage.Connections;
using ChatReport.Bot.Storage.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatReport.Bot.Tests.Storage;

/// <summary>A fresh SQLite file in a temporary folder, deleted with the test.</summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("chatreport-test-").FullName;

    public TestDatabase(StorageOptions? options = null, DateTimeOffset? now = null)
    {
        Time = new FakeTimeProvider(now ?? new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        Path = System.IO.Path.Combine(_folder, "test.db");
        var storage = Options.Create(options ?? new StorageOptions());
        Connections = new SqliteConnectionFactory($"Data Source={Path}", storage);
        Commits = new GroupCommit(Connections, storage, NullLogger<GroupCommit>.Instance);
    }

    public string Path { get; }

    public FakeTimeProvider Time { get; }

    public SqliteConnectionFactory Connections { get; }

    /// <summary>The group commit over this file, as the host has it.</summary>
    public GroupCommit Commits { get; }

    public DatabaseMigrator Migrator => new(Connections, Time, NullLogger<DatabaseMigrator>.Instance);

    public void Dispose()
    {
        Commits.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
