using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Runtime;
using ChatReport.Dialogs.Schema;
using ChatReport.Dialogs.State;
using ChatReport.Dialogs.Tests.Testing;
using ChatReport.Dialogs.Turns;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ChatReport.Dialogs.Tests.Runtime;

public sealed class DialogRunnerTests
{
    private static DialogStateKey Key(DialogTestFlow flow) => new(flow.ChannelId, flow.ConversationId, "user-1");

    [Fact]
    public async Task TheRootDialogBeginsOnlyWhenTheStackIsEmpty()
    {
        var begun = 0;
        var root = new WaterfallDialog<NoState>(
            "root",
            () => new NoState(),
            async (step, ct) =>
            {
                begun++;
                await step.Context.SendTextAsync("说吧", ct);
                return DialogTurnResult.Waiting;
            },
            (step, ct) => step.EndDialogAsync(step.Result, ct));

        await new DialogTestFlow(_ => root)
            .Send("一")
            .AssertReply("说吧")
            .Send("二")
            .AssertResult<string>(text => Assert.Equal("二", text))
            .Send("三")
            .AssertReply("说吧")
            .RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, begun);
    }

    [Fact]
    public async Task NonMessageActivitiesNeverBeginTheRootDialogNorStoreAnything()
    {
        var flow = new DialogTestFlow(time => new SampleMenuDialog(time));

        await flow
            .Send(new Activity { Type = ActivityTypes.ConversationUpdate, MembersAdded = [new ChannelAccount { Id = "user-1" }] })
            .AssertNoReply()
            .AssertStatus(DialogTurnStatus.Empty)
            .RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(0, ((InMemoryDialogStateStore)flow.Store).Count);
    }

    [Fact]
    public async Task AnAbandonedStackExpiresAndTheUserIsToldPolitely()
    {
        await new DialogTestFlow(time => new SampleMenuDialog(time))
            .Send("申报")
            .AssertReply("什么时候做的？")
            .Advance(TimeSpan.FromMinutes(61))
            .Send("昨天下午")
            .AssertReply("上次的对话隔得太久了，我们重新开始吧。")
            .AssertReply("我可以帮你申报积分，说“申报”开始。")
            .RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task AStackUsedWithinTheExpiryTimeCarriesOnAndEachTurnRenewsIt()
    {
        await new DialogTestFlow(time => new SampleMenuDialog(time)) { Options = new DialogRunnerOptions { ExpireAfter = TimeSpan.FromMinutes(10) } }
            .Send("申报")
            .AssertReply("什么时候做的？")
            .Advance(TimeSpan.FromMinutes(9))
            .Send("昨天下午")
            .AssertReply("在哪里？")
            .Advance(TimeSpan.FromMinutes(9))
            .Send("村口")
            .AssertReply("申报几分？")
            .Advance(TimeSpan.FromMinutes(10))
            .Send("5")
            .AssertReply("上次的对话隔得太久了，我们重新开始吧。")
            .AssertReply("我可以帮你申报积分，说“申报”开始。")
            .RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task ADeployThatChangedTheDialogsRestartsStoredConversationsPolitely()
    {
        await new DialogTestFlow(time => new SampleMenuDialog(time))
            .Send("申报")
            .AssertReply("什么时候做的？")
            .RestartBot(rootFactory: time => new ChangedMenuDialog(time))
            .Send("昨天下午")
            .AssertReply("我刚更新过，刚才的对话需要重新开始，抱歉。")
            .AssertReply("新版本：我可以帮你申报积分。")
            .RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task AnExplicitDialogSetVersionDecidesWhenToRestart()
    {
        await new DialogTestFlow(time => new SampleMenuDialog(time)) { Options = new DialogRunnerOptions { DialogSetVersion = "1" } }
            .Send("申报")
            .AssertReply("什么时候做的？")
            .RestartBot(new DialogRunnerOptions { DialogSetVersion = "1" })
            .Send("昨天下午")
            .AssertReply("在哪里？")
            .RestartBot(new DialogRunnerOptions { DialogSetVersion = "2" })
            .Send("村口")
            .AssertReply("我刚更新过，刚才的对话需要重新开始，抱歉。")
            .AssertReply("我可以帮你申报积分，说“申报”开始。")
            .RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task StateThatCannotBeReadRestartsTheConversationInsteadOfFailingEveryTurn()
    {
        var flow = new DialogTestFlow(time => new SampleMenuDialog(time));

        await flow
            .Send("申报")
            .AssertReply("什么时候做的？")
            .Do(async ct =>
            {
                var stored = await flow.Store.LoadAsync(Key(flow), ct);
                await flow.Store.SaveAsync(Key(flow), new DialogStateUpdate("{not json", stored!.DialogSetVersion, stored.LastAccessAt, stored.Version), ct);
            })
            .Send("昨天下午")
            .AssertReply("我刚更新过，刚才的对话需要重新开始，抱歉。")
            .AssertReply("我可以帮你申报积分，说“申报”开始。")
            .RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task StepStateThatNoLongerFitsItsRecordRestartsTheConversation()
    {
        // Same dialog-set version on purpose: only the record shape changed underneath.
        var options = new DialogRunnerOptions { DialogSetVersion = "same" };
        await new DialogTestFlow(_ => new WaterfallDialog<TextState>("w", () => new TextState("村口"), WaitStepAsync, EndStepAsync)) { Options = options }
            .Send("go")
            .AssertReply("等待")
            .RestartBot(options, _ => new WaterfallDialog<NumberState>("w", () => new NumberState(1), WaitStepAsync, EndStepAsync))
            .Send("next")
            .AssertReply("我刚更新过，刚才的对话需要重新开始，抱歉。")
            .AssertReply("等待")
            .RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task ATurnThatLostARaceIsRerunOnFreshStateWithoutRepeatingItself()
    {
        var store = new RacingStateStore(new InMemoryDialogStateStore());
        var flow = new DialogTestFlow(time => new SampleMenuDialog(time)) { Store = store };

        await flow
            .Send("申报")
            .AssertReply("什么时候做的？")
            .Do(_ =>
            {
                store.Races = 1;
                return Task.CompletedTask;
            })
            .Send("昨天下午")
            .AssertReply("在哪里？")
            .AssertNoReply()
            .Send("村口")
            .AssertReply("申报几分？")
            .RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task ATurnThatLosesTwiceAsksTheUserToResendAndLeavesTheWinnersStateAlone()
    {
        var store = new RacingStateStore(new InMemoryDialogStateStore());
        var flow = new DialogTestFlow(time => new SampleMenuDialog(time)) { Store = store };
        string? winner = null;

        await flow
            .Send("申报")
            .AssertReply("什么时候做的？")
            .Do(async ct =>
            {
                winner = (await store.LoadAsync(Key(flow), ct))!.StateJson;
                store.Races = 2;
            })
            .Send("昨天下午")
            .AssertReply("刚才同时收到了几条消息，这条没处理上，请再发一次。")
            .AssertStatus(DialogTurnStatus.Empty)
            .Do(async ct => Assert.Equal(winner, (await store.LoadAsync(Key(flow), ct))!.StateJson))
            .Send("昨天下午")
            .AssertReply("在哪里？")
            .RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task NothingIsWrittenWhenATurnChangedNothing()
    {
        var store = new RacingStateStore(new InMemoryDialogStateStore());

        await new DialogTestFlow(time => new SampleMenuDialog(time)) { Store = store }
            .Send("申报")
            .AssertReply("什么时候做的？")
            .Send(new Activity { Type = ActivityTypes.Typing })
            .Send("帮助")
            .AssertReply(reply => Assert.StartsWith("你正在申报积分。", reply.Text, StringComparison.Ordinal))
            .AssertReply("什么时候做的？")
            .RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(1, store.Saves);
    }

    [Fact]
    public async Task ResetForgetsTheConversationsStack()
    {
        var store = new InMemoryDialogStateStore();
        var time = new FakeTimeProvider(DialogTestFlow.Now);
        var runner = new DialogRunner(new SampleMenuDialog(time), store, [], time, new DialogRunnerOptions(), NullLogger<DialogRunner>.Instance);
        var turn = new TestTurnContext(Message("申报"));

        await runner.RunAsync(turn, TestContext.Current.CancellationToken);
        Assert.Equal(1, store.Count);
        await runner.ResetAsync(turn, TestContext.Current.CancellationToken);

        Assert.Equal(0, store.Count);
    }

    [Fact]
    public async Task AnActivityWithoutAConversationIsRefusedClearly()
    {
        var time = new FakeTimeProvider(DialogTestFlow.Now);
        var runner = new DialogRunner(new SampleMenuDialog(time), new InMemoryDialogStateStore(), [], time, new DialogRunnerOptions(), NullLogger<DialogRunner>.Instance);

        var thrown = await Assert.ThrowsAsync<ArgumentException>(
            () => runner.RunAsync(new TestTurnContext(Message("申报") with { Conversation = null }), TestContext.Current.CancellationToken));
        Assert.Contains("conversation.id", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheInMemoryStoreRefusesAStaleVersion()
    {
        var store = new InMemoryDialogStateStore();
        var key = new DialogStateKey("test", "c", "u");
        var first = await store.SaveAsync(key, new DialogStateUpdate("{}", "v", DialogTestFlow.Now, null), TestContext.Current.CancellationToken);
        await store.SaveAsync(key, new DialogStateUpdate("{\"a\":1}", "v", DialogTestFlow.Now, first), TestContext.Current.CancellationToken);

        await Assert.ThrowsAsync<DialogStateConflictException>(
            () => store.SaveAsync(key, new DialogStateUpdate("{\"a\":2}", "v", DialogTestFlow.Now, first), TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<DialogStateConflictException>(
            () => store.SaveAsync(key, new DialogStateUpdate("{\"a\":3}", "v", DialogTestFlow.Now, null), TestContext.Current.CancellationToken));
        Assert.Equal("{\"a\":1}", (await store.LoadAsync(key, TestContext.Current.CancellationToken))!.StateJson);
    }

    [Fact]
    public async Task ExpiredStacksCanBePurgedFromTheStore()
    {
        var store = new InMemoryDialogStateStore();
        await store.SaveAsync(new DialogStateKey("test", "old", "u"), new DialogStateUpdate("{}", "v", DialogTestFlow.Now.AddHours(-2), null), TestContext.Current.CancellationToken);
        await store.SaveAsync(new DialogStateKey("test", "new", "u"), new DialogStateUpdate("{}", "v", DialogTestFlow.Now, null), TestContext.Current.CancellationToken);

        var purged = await store.DeleteExpiredAsync(DialogTestFlow.Now.AddHours(-1), TestContext.Current.CancellationToken);

        Assert.Equal(1, purged);
        Assert.NotNull(await store.LoadAsync(new DialogStateKey("test", "new", "u"), TestContext.Current.CancellationToken));
    }

    private static Activity Message(string text) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        ChannelId = "test",
        Conversation = new ConversationAccount { Id = "c-" + Guid.NewGuid().ToString("N") },
        From = new ChannelAccount { Id = "user-1" },
        Recipient = new ChannelAccount { Id = "bot" },
    };

    private static async Task<DialogTurnResult> WaitStepAsync<T>(WaterfallStepContext<T> step, CancellationToken ct)
        where T : class
    {
        await step.Context.SendTextAsync("等待", ct);
        return DialogTurnResult.Waiting;
    }

    private static Task<DialogTurnResult> EndStepAsync<T>(WaterfallStepContext<T> step, CancellationToken ct)
        where T : class => step.EndDialogAsync(step.State, ct);

    private sealed record TextState(string Place);

    private sealed record NumberState(int Place);

    private sealed class ChangedMenuDialog : ComponentDialog
    {
        public ChangedMenuDialog(TimeProvider time)
            : base(nameof(SampleMenuDialog))
        {
            AddDialog(new WaterfallDialog<NoState>(nameof(WaterfallDialog), () => new NoState(), IntroStepAsync));
            AddDialog(new SampleReportDialog(time));
        }

        private static async Task<DialogTurnResult> IntroStepAsync(WaterfallStepContext<NoState> step, CancellationToken ct)
        {
            await step.Context.SendTextAsync("新版本：我可以帮你申报积分。", ct);
            return await step.EndDialogAsync(ct);
        }
    }
}
