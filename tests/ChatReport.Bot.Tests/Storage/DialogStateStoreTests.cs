using ChatReport.Bot.Storage.Connections;
using ChatReport.Bot.Storage.Channels;
using ChatReport.Dialogs.State;

namespace ChatReport.Bot.Tests.Storage;

public sealed class DialogStateStoreTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static readonly DialogStateKey Key = new("msteams", "a:conv-1", "29:user-1");

    private static async Task<(TestDatabase Db, DialogStateStore Store)> CreateAsync(StorageProvider provider)
    {
        var db = new TestDatabase(provider: provider);
        await db.Migrator.MigrateAsync(Token);
        return (db, new DialogStateStore(db.Connections));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task AStateRoundTripsAndEachSaveBumpsTheVersion(StorageProvider provider)
    {
        var (db, store) = await CreateAsync(provider);
        using var _ = db;
        var at = db.Time.GetUtcNow();

        Assert.Null(await store.LoadAsync(Key, Token));
        Assert.Equal(1, await store.SaveAsync(Key, new DialogStateUpdate("{\"a\":1}", "v1", at, null), Token));
        Assert.Equal(2, await store.SaveAsync(Key, new DialogStateUpdate("{\"a\":2}", "v2", at.AddMinutes(1), 1), Token));

        var loaded = await store.LoadAsync(Key, Token);
        Assert.Equal(new StoredDialogState("{\"a\":2}", "v2", 2, at.AddMinutes(1)), loaded);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task OfTwoSavesOnTheSameVersionExactlyOneWins(StorageProvider provider)
    {
        var (db, store) = await CreateAsync(provider);
        using var _ = db;
        var at = db.Time.GetUtcNow();
        await store.SaveAsync(Key, new DialogStateUpdate("{}", "v1", at, null), Token);

        var saves = await Task.WhenAll(
            Enumerable.Range(0, 2).Select(i => Task.Run(async () =>
            {
                try
                {
                    await store.SaveAsync(Key, new DialogStateUpdate($"{{\"turn\":{i}}}", "v1", at, 1), Token);
                    return true;
                }
                catch (DialogStateConflictException)
                {
                    return false;
                }
            })));

        Assert.Single(saves, won => won);
        var stored = await store.LoadAsync(Key, Token);
        Assert.Equal(2, stored!.Version);
        Assert.Contains("turn", stored.StateJson, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task TwoFirstSavesOfANewConversationConflict(StorageProvider provider)
    {
        var (db, store) = await CreateAsync(provider);
        using var _ = db;
        var at = db.Time.GetUtcNow();
        await store.SaveAsync(Key, new DialogStateUpdate("{\"first\":true}", "v1", at, null), Token);

        await Assert.ThrowsAsync<DialogStateConflictException>(() => store.SaveAsync(Key, new DialogStateUpdate("{}", "v1", at, null), Token));
        Assert.Contains("first", (await store.LoadAsync(Key, Token))!.StateJson, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task ExpiredStatesAreDeletedAndFreshOnesKept(StorageProvider provider)
    {
        var (db, store) = await CreateAsync(provider);
        using var _ = db;
        var now = db.Time.GetUtcNow();
        var fresh = Key with { ConversationId = "a:fresh" };
        await store.SaveAsync(Key, new DialogStateUpdate("{}", "v1", now.AddHours(-3), null), Token);
        await store.SaveAsync(fresh, new DialogStateUpdate("{}", "v1", now, null), Token);

        Assert.Equal(1, await store.DeleteExpiredAsync(now.AddHours(-1), Token));
        Assert.Null(await store.LoadAsync(Key, Token));
        Assert.NotNull(await store.LoadAsync(fresh, Token));

        await store.DeleteAsync(fresh, Token);
        Assert.Null(await store.LoadAsync(fresh, Token));
    }
}
