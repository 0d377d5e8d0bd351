using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Prompts;
using ChatReport.Dialogs.Tests.Testing;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Dialogs.Tests.Engine;

public sealed class DialogContextTests
{
    private sealed record Answer(int Value);

    private sealed class Parent : ComponentDialog
    {
        public Parent(params Dialog[] children)
            : base(nameof(Parent))
        {
            foreach (var child in children)
            {
                AddDialog(child);
            }
        }
    }

    [Fact]
    public async Task TheActiveDialogIsOnTopAtIndexZero()
    {
        IReadOnlyList<string>? seen = null;
        var inner = new WaterfallDialog<NoState>("inner", () => new NoState(), (step, ct) =>
        {
            seen = [.. step.DialogContext.Stack.Select(instance => instance.Id)];
            return Task.FromResult(DialogTurnResult.Waiting);
        });
        var outer = new WaterfallDialog<NoState>("outer", () => new NoState(), (step, ct) => step.BeginDialogAsync("inner", ct));

        await new DialogTestFlow(_ => new Parent(outer, inner))
            .Send("hi")
            .AssertStatus(DialogTurnStatus.Waiting)
            .RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["inner", "outer"], seen);
    }

    [Fact]
    public async Task EndingADialogResumesItsParentWithTheTypedResult()
    {
        var child = new WaterfallDialog<NoState>("child", () => new NoState(), (step, ct) => step.EndDialogAsync(new Answer(42), ct));
        var parent = new WaterfallDialog<NoState>(
            "parent",
            () => new NoState(),
            (step, ct) => step.BeginDialogAsync("child", ct),
            async (step, ct) =>
            {
                Assert.Equal(DialogReason.EndCalled, step.Reason);
                Assert.True(step.TryGetResult<Answer>(out var answer));
                await step.Context.SendTextAsync($"got {answer.Value}", ct);
                return await step.EndDialogAsync(answer with { Value = answer.Value + 1 }, ct);
            });

        await new DialogTestFlow(_ => new Parent(parent, child))
            .Send("hi")
            .AssertReply("got 42")
            .AssertResult<Answer>(answer => Assert.Equal(43, answer.Value))
            .RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task ContinuingHandsTheMessageToTheActiveDialogOnly()
    {
        var log = new List<string>();
        var parent = new WaterfallDialog<NoState>(
            "parent",
            () => new NoState(),
            (step, ct) => step.BeginDialogAsync("recorder", ct),
            async (step, ct) =>
            {
                await step.Context.SendTextAsync($"child said {step.Result}", ct);
                return await step.EndDialogAsync(ct);
            });

        await new DialogTestFlow(_ => new Parent(parent, new RecordingDialog("recorder", log)))
            .Send("hi")
            .AssertReply("recorder waiting")
            .AssertStatus(DialogTurnStatus.Waiting)
            .Send("你好")
            .AssertReply("child said 你好")
            .AssertStatus(DialogTurnStatus.Complete)
            .RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["recorder:begin", "recorder:continue", "recorder:end:EndCalled"], log);
    }

    [Fact]
    public async Task ReplacingADialogLoopsWithoutResumingTheParent()
    {
        var parentResumed = 0;
        var menu = WaterfallDialog.Create<MenuRound, MenuRound>(
            "menu",
            round => round,
            async (step, ct) =>
            {
                await step.Context.SendTextAsync($"round {step.State.Number}", ct);
                return step.State.Number < 3
                    ? await step.ReplaceDialogAsync("menu", new MenuRound(step.State.Number + 1), ct)
                    : await step.EndDialogAsync(step.State, ct);
            });
        var parent = new WaterfallDialog<NoState>(
            "parent",
            () => new NoState(),
            (step, ct) => step.BeginDialogAsync("menu", new MenuRound(1), ct),
            (step, ct) =>
            {
                parentResumed++;
                return step.EndDialogAsync(step.Result, ct);
            });

        await new DialogTestFlow(_ => new Parent(parent, menu))
            .Send("hi")
            .AssertReply("round 1")
            .AssertReply("round 2")
            .AssertReply("round 3")
            .AssertResult<MenuRound>(round => Assert.Equal(3, round.Number))
            .RunAsync(TestContext.Current.CancellationToken);

        // The parent's second step ran once, after the last round, not after each replace.
        Assert.Equal(1, parentResumed);
    }

    [Fact]
    public async Task ReplacingCallsTheEndHookWithReplaceCalled()
    {
        var log = new List<string>();
        var parent = new WaterfallDialog<NoState>(
            "parent",
            () => new NoState(),
            async (step, ct) =>
            {
                await step.BeginDialogAsync("first", ct);
                return await step.DialogContext.ReplaceDialogAsync("second", ct);
            });

        await new DialogTestFlow(_ => new Parent(parent, new RecordingDialog("first", log), new RecordingDialog("second", log)))
            .Send("hi")
            .AssertReply("first waiting")
            .AssertReply("second waiting")
            .RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["first:begin", "first:end:ReplaceCalled", "second:begin"], log);
    }

    [Fact]
    public async Task CancellingAllEmptiesEveryStackAndCallsEveryEndHook()
    {
        var log = new List<string>();
        var innerWaterfall = new WaterfallDialog<NoState>("innerWaterfall", () => new NoState(), (step, ct) => step.BeginDialogAsync("deep", ct));
        var nested = new Parent(innerWaterfall, new RecordingDialog("deep", log));
        var outer = new WaterfallDialog<NoState>(
            "outer",
            () => new NoState(),
            (step, ct) => step.BeginDialogAsync(nameof(Parent), ct),
            (step, ct) => step.EndDialogAsync("should not run", ct));
        var flow = new DialogTestFlow(_ => new OuterComponent(outer, nested))
        {
            InterruptionHandlers = [new Dialogs.Interruptions.CancelInterruptionHandler()],
        };

        await flow
            .Send("hi")
            .AssertReply("deep waiting")
            .Send("取消")
            .AssertReply("好的，已取消。需要时随时叫我。")
            .AssertStatus(DialogTurnStatus.Cancelled)
            .Do(async ct => Assert.DoesNotContain("deep", (await flow.Store.LoadAsync(Key(flow), ct))!.StateJson, StringComparison.Ordinal))
            .RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["deep:begin", "deep:end:CancelCalled"], log);
    }

    [Fact]
    public async Task ComponentDialogsNestThreeDeepAndEndWithTheInnermostResult()
    {
        var leaf = new WaterfallDialog<NoState>(
            "leaf",
            () => new NoState(),
            (step, ct) => step.PromptAsync("text", new Dialogs.Prompts.PromptOptions { Prompt = "说点什么" }, ct),
            (step, ct) => step.EndDialogAsync(new Answer(((string)step.Result!).Length), ct));
        var level3 = new NamedComponent("level3", leaf, new Dialogs.Prompts.TextPrompt("text"));
        var level2 = new NamedComponent("level2", level3);

        await DialogTestFlow.For(_ => new NamedComponent("level1", level2))
            .Send("hi")
            .AssertReply("说点什么")
            .AssertStatus(DialogTurnStatus.Waiting)
            .Send("三个字")
            .AssertResult<Answer>(answer => Assert.Equal(3, answer.Value))
            .RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public void AddingADialogWhoseIdIsTakenThrows()
    {
        var set = new DialogSet().Add(new Dialogs.Prompts.TextPrompt("name"));

        var thrown = Assert.Throws<ArgumentException>(() => set.Add(new Dialogs.Prompts.NumberPrompt<int>("name")));
        Assert.Contains("'name'", thrown.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new Parent(new Dialogs.Prompts.TextPrompt("x"), new Dialogs.Prompts.TextPrompt("x")));
    }

    [Fact]
    public async Task BeginningADialogThatIsNotInTheSetThrowsNamingIt()
    {
        var parent = new WaterfallDialog<NoState>("parent", () => new NoState(), (step, ct) => step.BeginDialogAsync("missing", ct));

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(
            () => new DialogTestFlow(_ => new Parent(parent)).Send("hi").RunAsync(TestContext.Current.CancellationToken));
        Assert.Contains("'missing'", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ATurnResultIsImmutableAndTyped()
    {
        var complete = DialogTurnResult.Complete(new Answer(1));

        Assert.Equal(new Answer(1), complete.GetResult<Answer>());
        Assert.False(complete.TryGetResult<string>(out _));
        Assert.False(DialogTurnResult.Waiting.TryGetResult<Answer>(out _));
        Assert.Throws<InvalidOperationException>(() => DialogTurnResult.Cancelled.GetResult<Answer>());
        Assert.Equal(DialogTurnResult.Complete(new Answer(1)), complete);
    }

    private static Dialogs.State.DialogStateKey Key(DialogTestFlow flow) => new(flow.ChannelId, flow.ConversationId, "user-1");

    private sealed record MenuRound(int Number);

    private sealed class OuterComponent : ComponentDialog
    {
        public OuterComponent(Dialog first, Dialog second)
            : base(nameof(OuterComponent))
        {
            AddDialog(first);
            AddDialog(second);
        }
    }

    private sealed class NamedComponent : ComponentDialog
    {
        public NamedComponent(string id, params Dialog[] children)
            : base(id)
        {
            foreach (var child in children)
            {
                AddDialog(child);
            }
        }
    }
}
