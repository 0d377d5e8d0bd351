using ChatReport.Bot.Storage.Connections;
using ChatReport.Bot.Storage.Channels;
using ChatReport.Bot.Storage.Schedules;
using ChatReport.Bot.Tests.Storage;
using ChatReport.Conversation.Groups;
using static ChatReport.Bot.Tests.Digests.DigestHarness;

namespace ChatReport.Bot.Tests.Digests;

public sealed class GroupSubscriptionStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task AGroupTheBotHasNeverSeenCannotBeSubscribed(StorageProvider provider)
    {
        using var db = new TestDatabase(now: Utc(11, 26, 1), provider: provider);
        var h = await DigestHarness.CreateAsync(db);
        var branch = await h.Stores.CreateBranchAsync("张三");

        var result = await h.Subscriptions.SubscribeAsync(new GroupAddress("webchat", "never-seen"), branch.Unit.Id, branch.Secretary.Id, Ct);

        Assert.Equal(GroupSubscribeStatus.UnknownConversation, result.Status);
        Assert.Null(await h.Subscriptions.FindAsync(new GroupAddress("webchat", "never-seen"), Ct));
        Assert.Empty(await h.Subscriptions.ListActiveAsync(Ct));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task SubscribingTwiceIsHarmlessAndAnotherBranchTakesTheGroupOver(StorageProvider provider)
    {
        using var db = new TestDatabase(now: Utc(11, 26, 1), provider: provider);
        var h = await DigestHarness.CreateAsync(db);
        var first = await h.Stores.CreateBranchAsync("张三");
        var second = await h.Stores.CreateBranchAsync("李四");
        var group = await h.AddGroupAsync(first.Unit.Id, "group");

        var again = await h.Subscriptions.SubscribeAsync(group, first.Unit.Id, first.Secretary.Id, Ct);
        var moved = await h.Subscriptions.SubscribeAsync(group, second.Unit.Id, second.Secretary.Id, Ct);

        Assert.Equal(GroupSubscribeStatus.AlreadySubscribed, again.Status);
        Assert.Equal((GroupSubscribeStatus.MovedFromOtherUnit, first.Unit.Id), (moved.Status, moved.PreviousUnitId));
        Assert.Empty(await h.Subscriptions.ListForUnitAsync(first.Unit.Id, Ct));
        Assert.Equal(group, Assert.Single(await h.Subscriptions.ListForUnitAsync(second.Unit.Id, Ct)).Group);
        Assert.Equal(GroupSubscribeStatus.UnknownUnit, (await h.Subscriptions.SubscribeAsync(group, 9999, null, Ct)).Status);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task UnsubscribingStopsTheGroupAndSubscribingAgainStartsAfresh(StorageProvider provider)
    {
        using var db = new TestDatabase(now: Utc(11, 26, 1), provider: provider);
        var h = await DigestHarness.CreateAsync(db);
        var branch = await h.Stores.CreateBranchAsync("张三");
        var group = await h.AddGroupAsync(branch.Unit.Id, "group");
        var other = await h.AddGroupAsync(branch.Unit.Id, "other");

        Assert.True(await h.Subscriptions.UnsubscribeAsync(group, branch.Secretary.Id, Ct));
        Assert.False(await h.Subscriptions.UnsubscribeAsync(group, branch.Secretary.Id, Ct));
        Assert.Equal(other, Assert.Single(await h.Subscriptions.ListActiveAsync(Ct)).Group);
        Assert.NotNull((await h.Subscriptions.FindAsync(group, Ct))!.UnsubscribedAt);

        db.Time.SetUtcNow(Utc(11, 27, 1));
        var back = await h.Subscriptions.SubscribeAsync(group, branch.Unit.Id, branch.Secretary.Id, Ct);

        Assert.Equal(GroupSubscribeStatus.Subscribed, back.Status);
        var renewed = (await h.Subscriptions.FindAsync(group, Ct))!;
        Assert.Equal((Utc(11, 27, 1), (DateTimeOffset?)null), (renewed.SubscribedAt, renewed.UnsubscribedAt));
        Assert.Equal(2, (await h.Subscriptions.ListForUnitAsync(branch.Unit.Id, Ct)).Count);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task ABranchScheduleThatCannotBeUsedIsRefused(StorageProvider provider)
    {
        using var db = new TestDatabase(now: Utc(11, 26, 1), provider: provider);
        var h = await DigestHarness.CreateAsync(db);
        var branch = await h.Stores.CreateBranchAsync("张三");

        await Assert.ThrowsAsync<ArgumentException>(() => h.Settings.SetAsync(new BranchDigestSettings(branch.Unit.Id, Schedule: "every evening"), null, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => h.Settings.SetAsync(new BranchDigestSettings(branch.Unit.Id, TimeZone: "Mars/Olympus"), null, Ct));
        var saved = await h.Settings.SetAsync(new BranchDigestSettings(branch.Unit.Id, " 30 19 * * * ", null, false, true), branch.Secretary.Id, Ct);

        Assert.Equal(new BranchDigestSettings(branch.Unit.Id, "30 19 * * *", null, false, true), saved);
        Assert.Equal(saved, await h.Settings.GetAsync(branch.Unit.Id, Ct));
    }
}
