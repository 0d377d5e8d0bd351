using ChatReport.Bot.Conversation;
using ChatReport.Bot.Storage.Domain;
using ChatReport.Bot.Tests.Support;
using ChatReport.Conversation.Common;
using ChatReport.Conversation.Domain;
using ChatReport.Dialogs.Runtime;
using ChatReport.Dialogs.Schema;
using ChatReport.Dialogs.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ChatReport.Bot.Tests.Conversation;

/// <summary>The conversation's edges: a failed turn, expired stacks, and greetings.</summary>
public sealed class ConversationEdgeTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AfterATurnFailsTheNextMessageStartsFresh()
    {
        var failNext = new FailSwitch();
        await using var app = new ChatReportApplication()
            .WithServices(services => services.AddSingleton<IRuleBook>(s => new FlakyRuleBook(s.GetRequiredService<RuleStore>(), failNext)));
        using var client = app.CreateClient();
        var branch = await ChatBranch.CreateAsync(app);
        var chat = BotChat.For(app, client);
        await chat.SayAsync($"加入 {branch.Code}");
        await chat.SayAsync("是");
        Assert.Contains("有照片的话", Assert.Single(await chat.SayAsync("申报 昨天下午在村口扫雪")), StringComparison.Ordinal);

        // The summary needs the rule: that read fails once.
        failNext.Armed = true;
        Assert.Equal("抱歉，出了点问题，请稍后再试。", Assert.Single(await chat.SayAsync("跳过")));
        Assert.Null(await app.Services.GetRequiredService<IDialogStateStore>().LoadAsync(
            DialogStateKey.From(chat.Message("x")), Token));

        // Without the reset, "跳过" would answer the photo question again and show the summary.
        var fresh = Assert.Single(await chat.SayAsync("跳过"));
        Assert.DoesNotContain("地点：", fresh, StringComparison.Ordinal);
        Assert.StartsWith("没太明白", fresh, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePrunerDeletesOnlyStacksOlderThanTheyLiveOnceAnHour()
    {
        var time = new RecordingTimeProvider(new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero)));
        var store = new SignallingStateStore();
        var options = new DialogRunnerOptions();
        var stale = new DialogStateKey("msteams", "a:old", "29:old");
        var recent = new DialogStateKey("msteams", "a:new", "29:new");
        var now = time.GetUtcNow();
        await store.SaveAsync(stale, new DialogStateUpdate("{}", "v1", now - TimeSpan.FromMinutes(5), null), Token);
        await store.SaveAsync(recent, new DialogStateUpdate("{}", "v1", now + TimeSpan.FromMinutes(30), null), Token);
        using var pruner = new DialogStatePruner(store, options, time, NullLogger<DialogStatePruner>.Instance);

        await pruner.StartAsync(Token);
        Assert.Equal(TimeSpan.FromHours(1), await time.WaitForTimerAsync(due => due == TimeSpan.FromHours(1), Token));
        Assert.Equal(2, store.Count);
        time.Advance(options.ExpireAfter);
        var cutoff = await store.Pruned.Task.WaitAsync(TimeSpan.FromSeconds(30), Token);
        await pruner.StopAsync(Token);

        Assert.Equal(time.GetUtcNow() - options.ExpireAfter, cutoff);
        Assert.Null(await store.LoadAsync(stale, Token));
        Assert.NotNull(await store.LoadAsync(recent, Token));
    }

    [Fact]
    public async Task TheBotGreetsAGroupWhenAddedAndANewPersonOnceInAPersonalChat()
    {
        var (app, client) = await BotChat.StartAppAsync();
        await using var _ = app;
        using var __ = client;
        var branch = await ChatBranch.CreateAsync(app);
        var bot = new ChannelAccount { Id = TestActivities.BotId, Name = "ChatReport" };
        var user = new ChannelAccount { Id = "29:new-user", Name = "张三" };

        // Added to a group: one greeting for the group; people added later are not greeted there.
        var group = BotChat.For(app, client);
        var addedToGroup = Update(group, "cu-g1", isGroup: true, bot);
        Assert.Equal(ConversationTexts.Chinese.GroupWelcome, Assert.Single(await group.PostAsync(addedToGroup)));
        Assert.Empty(await group.PostAsync(addedToGroup));
        Assert.Empty(await group.PostAsync(Update(group, "cu-g2", isGroup: true, user)));

        // A personal chat: the bot alone added (install, reinstall) says nothing, twice over;
        // the person added gets one welcome even when the update names the bot as well.
        var personal = BotChat.For(app, client, userId: user.Id!, userName: user.Name!);
        Assert.Empty(await personal.PostAsync(Update(personal, "cu-p1", isGroup: false, bot)));
        Assert.Empty(await personal.PostAsync(Update(personal, "cu-p2", isGroup: false, bot)));
        var welcome = Assert.Single(await personal.PostAsync(Update(personal, "cu-p3", isGroup: false, user, bot)));
        Assert.StartsWith("您好！我是党员积分助手", welcome, StringComparison.Ordinal);

        // Someone who has joined already is not told how to join.
        await personal.SayAsync($"加入 {branch.Code}");
        await personal.SayAsync("是");
        Assert.NotNull(await personal.MemberAsync());
        Assert.Empty(await personal.PostAsync(Update(personal, "cu-p4", isGroup: false, user)));
    }

    private static Activity Update(BotChat chat, string id, bool isGroup, params ChannelAccount[] added) => chat.Message(null, id) with
    {
        Type = ActivityTypes.ConversationUpdate,
        Text = null,
        Conversation = new ConversationAccount { Id = chat.ConversationId, ConversationType = isGroup ? "groupChat" : "personal", IsGroup = isGroup, TenantId = "tenant-1" },
        MembersAdded = added,
    };

    private sealed class FailSwitch
    {
        public bool Armed { get; set; }
    }

    private sealed class FlakyRuleBook(IRuleBook inner, FailSwitch failNext) : IRuleBook
    {
        public Task<IReadOnlyList<PointRule>> ListActiveAsync(CancellationToken cancellationToken) => inner.ListActiveAsync(cancellationToken);

        public Task<PointRule?> GetAsync(long ruleId, CancellationToken cancellationToken)
        {
            if (failNext.Armed)
            {
                failNext.Armed = false;
                throw new InvalidOperationException("The rule book failed for this test.");
            }

            return inner.GetAsync(ruleId, cancellationToken);
        }

        public Task<PointRule?> FindByCodeAsync(string code, CancellationToken cancellationToken) => inner.FindByCodeAsync(code, cancellationToken);

        public Task<RuleReloadResult> ReloadAsync(long? actorId, CancellationToken cancellationToken) => inner.ReloadAsync(actorId, cancellationToken);
    }

    private sealed class SignallingStateStore : IDialogStateStore
    {
        private readonly InMemoryDialogStateStore _inner = new();

        public TaskCompletionSource<DateTimeOffset> Pruned { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Count => _inner.Count;

        public Task<StoredDialogState?> LoadAsync(DialogStateKey key, CancellationToken cancellationToken) => _inner.LoadAsync(key, cancellationToken);

        public Task<long> SaveAsync(DialogStateKey key, DialogStateUpdate update, CancellationToken cancellationToken) => _inner.SaveAsync(key, update, cancellationToken);

        public Task DeleteAsync(DialogStateKey key, CancellationToken cancellationToken) => _inner.DeleteAsync(key, cancellationToken);

        public async Task<int> DeleteExpiredAsync(DateTimeOffset lastAccessBefore, CancellationToken cancellationToken)
        {
            var deleted = await _inner.DeleteExpiredAsync(lastAccessBefore, cancellationToken);
            Pruned.TrySetResult(lastAccessBefore);
            return deleted;
        }
    }
}
