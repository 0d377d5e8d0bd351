using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Recognition;
using ChatReport.Dialogs.Runtime;
using ChatReport.Dialogs.State;
using ChatReport.Dialogs.Tests.Testing;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Dialogs.Tests.Engine;

public sealed class WaterfallDialogTests
{
    [Fact]
    public async Task AReportRunsItsStepsInTheOrderTheyAreDeclared()
    {
        await DialogTestFlow.For(time => new SampleReportDialog(time))
            .Send("申报")
            .AssertReply("什么时候做的？")
            .Send("昨天下午")
            .AssertReply("在哪里？")
            .Send("村口")
            .AssertReply("申报几分？")
            .Send("五分")
            .AssertReply("确认提交：2026-11-25 在村口，5 分？")
            .Send("是的")
            .AssertResult<SampleReportResult>(result =>
            {
                Assert.True(result.Submitted);
                Assert.Equal(new DateOnly(2026, 11, 25), result.Report.When!.Date);
                Assert.Equal(DateTimeResolutionKind.DateTimeRange, result.Report.When.Kind);
                Assert.Equal("村口", result.Report.Place);
                Assert.Equal(5, result.Report.Points);
            })
            .RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task NextAsyncSkipsThePromptsWhoseAnswersAreAlreadyKnown()
    {
        var known = new SampleReport(
            When: new DateTimeResolution { Kind = DateTimeResolutionKind.Date, Timex = "2026-11-21", Index = 0, Length = 3, Start = new DateTimeOffset(2026, 11, 21, 0, 0, 0, TimeSpan.FromHours(8)) },
            Place: "社区");

        await DialogTestFlow.For(time => new SampleReportDialog(time), known)
            .Send("申报")
            .AssertReply("申报几分？")
            .Send("3")
            .AssertReply("确认提交：2026-11-21 在社区，3 分？")
            .Send("不")
            .AssertResult<SampleReportResult>(result =>
            {
                Assert.False(result.Submitted);
                Assert.Equal(3, result.Report.Points);
            })
            .RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task TypedStepStateGoesThroughTheStoreAsJsonAndSurvivesARestartOfTheBot()
    {
        var flow = DialogTestFlow.For(time => new SampleReportDialog(time));

        await flow
            .Send("申报")
            .AssertReply("什么时候做的？")
            .Send("上周六")
            .AssertReply("在哪里？")
            .Send("村委会")
            .AssertReply("申报几分？")
            .Do(async ct =>
            {
                var stored = await flow.Store.LoadAsync(new DialogStateKey("test", flow.ConversationId, "user-1"), ct);
                Assert.NotNull(stored);
                Assert.Contains("\"place\":\"村委会\"", System.Text.RegularExpressions.Regex.Unescape(stored.StateJson), StringComparison.Ordinal);
                Assert.Contains("\"timex\":\"2026-11-21\"", stored.StateJson, StringComparison.Ordinal);
            })
            .RestartBot()
            .Send("2")
            .AssertReply("确认提交：2026-11-21 在村委会，2 分？")
            .Send("确认")
            .AssertResult<SampleReportResult>(result => Assert.Equal(new SampleReport(result.Report.When, "村委会", 2), result.Report))
            .RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task AStepThatWaitsWithoutAChildGetsTheNextMessageText()
    {
        var waterfall = new WaterfallDialog<NoState>(
            "echo",
            () => new NoState(),
            async (step, ct) =>
            {
                await step.Context.SendTextAsync("说吧", ct);
                return DialogTurnResult.Waiting;
            },
            (step, ct) => step.EndDialogAsync($"{step.Reason}:{step.Result}", ct));

        await DialogTestFlow.For(_ => waterfall)
            .Send("开始")
            .AssertReply("说吧")
            .Send(new Dialogs.Schema.Activity { Type = Dialogs.Schema.ActivityTypes.Typing })
            .AssertStatus(DialogTurnStatus.Waiting)
            .Send("你好")
            .AssertResult<string>(result => Assert.Equal("ContinueCalled:你好", result))
            .RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task FallingOffTheLastStepEndsWithTheLastResult()
    {
        var waterfall = new WaterfallDialog<NoState>("short", () => new NoState(), (step, ct) => step.NextAsync(7, ct));

        await DialogTestFlow.For(_ => waterfall)
            .Send("go")
            .AssertResult<int>(result => Assert.Equal(7, result))
            .RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task ChangingStateAfterMovingOnThrows()
    {
        var waterfall = new WaterfallDialog<SampleReport>(
            "late",
            () => new SampleReport(),
            async (step, ct) =>
            {
                var result = await step.NextAsync(ct);
                step.State = step.State with { Place = "too late" };
                return result;
            },
            (step, ct) => step.EndDialogAsync(ct));

        await Assert.ThrowsAsync<InvalidOperationException>(
            () => DialogTestFlow.For(_ => waterfall).Send("go").RunAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task AWaterfallBegunWithOptionsOfTheWrongTypeThrows()
    {
        var waterfall = new WaterfallDialog<SampleReport>("typed", (step, ct) => step.EndDialogAsync(ct));

        var thrown = await Assert.ThrowsAsync<ArgumentException>(
            () => DialogTestFlow.For(_ => waterfall, "not a report").Send("go").RunAsync(TestContext.Current.CancellationToken));
        Assert.Contains("SampleReport", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateMapsTheOptionsRecordToTheStepState()
    {
        var waterfall = WaterfallDialog.Create<SampleReportResult, SampleReport>(
            "mapped",
            options => options.Report with { Points = 9 },
            (step, ct) => step.EndDialogAsync(step.State, ct));

        await DialogTestFlow.For(_ => waterfall, new SampleReportResult(false, new SampleReport(Place: "村口")))
            .Send("go")
            .AssertResult<SampleReport>(state => Assert.Equal(new SampleReport(null, "村口", 9), state))
            .RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public void AddingAStepChangesTheDialogSetVersion()
    {
        static Task<DialogTurnResult> FirstStepAsync(WaterfallStepContext<NoState> step, CancellationToken ct) => step.EndDialogAsync(ct);
        static Task<DialogTurnResult> SecondStepAsync(WaterfallStepContext<NoState> step, CancellationToken ct) => step.EndDialogAsync(ct);
        var one = new WaterfallDialog<NoState>("w", () => new NoState(), FirstStepAsync);
        var two = new WaterfallDialog<NoState>("w", () => new NoState(), FirstStepAsync, SecondStepAsync);

        Assert.NotEqual(RunnerFor(one).DialogSetVersion, RunnerFor(two).DialogSetVersion);
        Assert.Equal(RunnerFor(one).DialogSetVersion, RunnerFor(new WaterfallDialog<NoState>("w", () => new NoState(), FirstStepAsync)).DialogSetVersion);
    }

    private static DialogRunner RunnerFor(Dialog root) =>
        new(root, new InMemoryDialogStateStore(), [], new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DialogTestFlow.Now), new DialogRunnerOptions(), Microsoft.Extensions.Logging.Abstractions.NullLogger<DialogRunner>.Instance);
}
