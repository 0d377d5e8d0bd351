using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Interruptions;
using ChatReport.Dialogs.Tests.Testing;

namespace ChatReport.Dialogs.Tests.Interruptions;

public sealed class InterruptionTests
{
    // Root (SampleMenuDialog) → SampleReportDialog → its waterfall and DateTimePrompt: the prompt waits at depth 2.
    private static DialogTestFlow Menu(string? locale = "zh-CN")
    {
        var menu = default(SampleMenuDialog);
        return new DialogTestFlow(time => menu = new SampleMenuDialog(time))
        {
            Locale = locale,
            InterruptionHandlers = [new CancelInterruptionHandler(), new HelpInterruptionHandler(), new RestartOnCommandInterruptionHandler(new Commands(() => menu!))],
        };
    }

    [Theory]
    [InlineData("帮助")]
    [InlineData("幫助")]
    [InlineData(" help ")]
    [InlineData("ＨＥＬＰ")]
    [InlineData("？")]
    public async Task HelpAtDepthTwoSaysWhereYouAreAndAsksAgainAndKeepsWaiting(string help)
    {
        await Menu()
            .Send("申报")
            .AssertReply("什么时候做的？")
            .Send(help)
            .AssertReply("你正在申报积分。\n可以说“昨天下午”或“10月8日”。\n想结束当前操作，随时说“取消”。")
            .AssertReply("什么时候做的？")
            .AssertStatus(DialogTurnStatus.Waiting)
            .Send("昨天下午")
            .AssertReply("在哪里？")
            .RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task HelpDoesNotCountAsAnAttempt()
    {
        await Menu()
            .Send("申报")
            .AssertReply("什么时候做的？")
            .Send("昨天下午")
            .AssertReply("在哪里？")
            .Send("村口")
            .AssertReply("申报几分？")
            .Send("help")
            .AssertReply("你正在申报积分。\n想结束当前操作，随时说“取消”。")
            .AssertReply("申报几分？")
            .Send("20")
            .AssertReply("最多 10 分，请重新输入。")
            .RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task HelpWithNothingInProgressGoesToTheRootDialog()
    {
        await Menu()
            .Send("帮助")
            .AssertReply("我可以帮你申报积分，说“申报”开始。")
            .RunAsync(TestContext.Current.CancellationToken);
    }

    [Theory]
    [InlineData("取消")]
    [InlineData("退出。")]
    [InlineData("Cancel")]
    [InlineData("ＱＵＩＴ")]
    public async Task CancelAtDepthTwoEndsEverythingAndSaysSo(string cancel)
    {
        await Menu()
            .Send("申报")
            .AssertReply("什么时候做的？")
            .Send("昨天下午")
            .AssertReply("在哪里？")
            .Send(cancel)
            .AssertReply("好的，已取消。需要时随时叫我。")
            .AssertStatus(DialogTurnStatus.Cancelled)
            .Send("你好")
            .AssertReply("我可以帮你申报积分，说“申报”开始。")
            .RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task WithoutALocaleCancelInEnglishIsAnsweredInEnglish()
    {
        await Menu(locale: null)
            .Send("申报")
            .AssertReply("什么时候做的？")
            .Send("cancel")
            .AssertReply("OK, cancelled. Message me whenever you need me.")
            .RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task CancelWithNothingInProgressSaysThereIsNothingToCancel()
    {
        await Menu()
            .Send("取消")
            .AssertReply("现在没有进行中的事情，不用取消。")
            .RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task AWordInsideASentenceIsNotACommand()
    {
        await Menu()
            .Send("申报")
            .AssertReply("什么时候做的？")
            .Send("昨天下午")
            .AssertReply("在哪里？")
            .Send("取消了的活动那里")
            .AssertReply("申报几分？")
            .RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task AnUnrelatedTopLevelCommandStartsOverCleanly()
    {
        var flow = Menu();

        await flow
            .Send("申报")
            .AssertReply("什么时候做的？")
            .Send("我的积分")
            .AssertReply("好的，先放下刚才的事。")
            .AssertReply("你本季度有 12 分。")
            .AssertStatus(DialogTurnStatus.Complete)
            .Do(async ct =>
            {
                var stored = await flow.Store.LoadAsync(new Dialogs.State.DialogStateKey("test", flow.ConversationId, "user-1"), ct);
                Assert.DoesNotContain(nameof(SampleReportDialog), stored!.StateJson, StringComparison.Ordinal);
            })
            .RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task TheSameCommandRestartsItsOwnDialogFromTheTop()
    {
        await Menu()
            .Send("申报")
            .AssertReply("什么时候做的？")
            .Send("昨天下午")
            .AssertReply("在哪里？")
            .Send("申報")
            .AssertReply("好的，先放下刚才的事。")
            .AssertReply("什么时候做的？")
            .RunAsync(TestContext.Current.CancellationToken);
    }

    private sealed class Commands(Func<ITopLevelCommandRecognizer> inner) : ITopLevelCommandRecognizer
    {
        public bool IsTopLevelCommand(DialogContext dc, string text) => inner().IsTopLevelCommand(dc, text);
    }
}
