using ChatReport.Bot.Storage.Connections;
using ChatReport.Bot.Storage.Channels;
using ChatReport.Bot.Tests.Storage;

namespace ChatReport.Bot.Tests.Messaging;

public sealed class ProcessedActivityStoreTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task AnActivityCanBeClaimedOnlyOnce(StorageProvider provider)
    {
        using var database = new TestDatabase(provider: provider);
        await database.Migrator.MigrateAsync(Token);
        var store = new ProcessedActivityStore(database.Connections, database.Time);

        Assert.True(await store.TryClaimAsync("msteams", "19:a", "1", Token));
        Assert.False(await store.TryClaimAsync("msteams", "19:a", "1", Token));
        Assert.True(await store.TryClaimAsync("directline", "19:a", "1", Token));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task IdsOlderThanTheWindowAreForgotten(StorageProvider provider)
    {
        using var database = new TestDatabase(provider: provider);
        await database.Migrator.MigrateAsync(Token);
        var store = new ProcessedActivityStore(database.Connections, database.Time);
        await store.TryClaimAsync("msteams", "19:a", "old", Token);
        database.Time.Advance(TimeSpan.FromDays(3));
        await store.TryClaimAsync("msteams", "19:a", "recent", Token);

        var removed = await store.PruneAsync(TimeSpan.FromDays(2), Token);

        Assert.Equal(1, removed);
        Assert.True(await store.TryClaimAsync("msteams", "19:a", "old", Token));
        Assert.False(await store.TryClaimAsync("msteams", "19:a", "recent", Token));
    }
}
