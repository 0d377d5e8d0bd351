using ChatReport.Bot.Storage.Connections;
using ChatReport.Bot.Storage.Channels;
using ChatReport.Bot.Tests.Storage;

namespace ChatReport.Bot.Tests.Proactive;

public sealed class ConversationReferenceStoreTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static StoredConversationReference Personal(DateTimeOffset at, string? locale = "zh-CN", string? tenantId = "tenant-1") => new()
    {
        ChannelId = "msteams",
        ConversationId = "a:personal",
        ServiceUrl = "https://smba.example/amer/",
        BotId = "28:bot",
        UserId = "29:user",
        UserName = "王芳",
        TenantId = tenantId,
        ConversationType = "personal",
        Locale = locale,
        Verified = true,
        UpdatedAt = at,
    };

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task ASightingThatChangesNothingLeavesTheRowAsItWas(StorageProvider provider)
    {
        using var database = new TestDatabase(provider: provider);
        await database.Migrator.MigrateAsync(Token);
        var store = new ConversationReferenceStore(database.Connections);
        var first = database.Time.GetUtcNow();
        await store.SaveAsync(Personal(first), Token);

        // A later activity without a tenant does not erase the one already known.
        await store.SaveAsync(Personal(first.AddHours(1), tenantId: null), Token);

        var stored = await store.FindAsync("msteams", "a:personal", Token);
        Assert.Equal(first, stored?.UpdatedAt);
        Assert.Equal("tenant-1", stored?.TenantId);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task ASightingThatChangesSomethingIsSaved(StorageProvider provider)
    {
        using var database = new TestDatabase(provider: provider);
        await database.Migrator.MigrateAsync(Token);
        var store = new ConversationReferenceStore(database.Connections);
        var first = database.Time.GetUtcNow();
        await store.SaveAsync(Personal(first), Token);

        await store.SaveAsync(Personal(first.AddHours(1), locale: "en-US"), Token);

        var stored = await store.FindAsync("msteams", "a:personal", Token);
        Assert.Equal(first.AddHours(1), stored?.UpdatedAt);
        Assert.Equal("en-US", stored?.Locale);
        Assert.Equal("tenant-1", stored?.TenantId);
    }
}
