using ChatReport.Bot.Storage.Connections;

namespace ChatReport.Bot.Tests.Storage;

/// <summary>Theory data for store tests: each runs once on SQLite and once on PostgreSQL.</summary>
public sealed class BothProviders : TheoryData<StorageProvider>
{
    public BothProviders()
    {
        Add(StorageProvider.Sqlite);
        Add(StorageProvider.PostgreSql);
    }
}
