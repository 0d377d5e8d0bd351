using ChatReport.Dialogs.Engine;
using ChatReport.Dialogs.Prompts;
using ChatReport.Dialogs.Schema;
using ChatReport.Dialogs.Tests.Testing;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Dialogs.Tests.Prompts;

public sealed class TextPromptTests
{
    [Fact]
    public async Task EndsWithTheTrimmedText()
    {
        await AskDialog.Flow(_ => new TextPrompt("text"), "在哪里？")
            .Send("hi")
            .AssertReply(reply =>
            {
                Assert.Equal("在哪里？", reply.Text);
                Assert.Equal(InputHints.ExpectingInput, reply.InputHint);
            })
            .Send("  村口  ")
            .AssertResult<string>(text => Assert.Equal("村口", text))
            .RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task AsksAgainWhenTheMessageHasNoText()
    {
        await AskDialog.Flow(_ => new TextPrompt("text"), "在哪里？")
            .Send("hi")
            .AssertReply("在哪里？")
            .Send(new Activity { Attachments = [new Attachment { ContentType = "image/png", ContentUrl = "https://example/x.png" }] })
            .AssertReply("请用文字回复。")
            .AssertStatus(DialogTurnStatus.Waiting)
            .RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task AValidatorRejectionSaysItsReasonAndAttemptsAreCounted()
    {
        static Task<PromptValidation> PlacePromptValidatorAsync(PromptValidatorContext<string> prompt, CancellationToken ct) =>
            Task.FromResult(prompt.Value.Length >= 2 ? PromptValidation.Accept : PromptValidation.Reject($"太短了（第{prompt.AttemptCount}次）"));

        await AskDialog.Flow(_ => new TextPrompt("text", PlacePromptValidatorAsync), "在哪里？")
            .Send("hi")
            .AssertReply("在哪里？")
            .Send("村")
            .AssertReply("太短了（第1次）")
            .Send("口")
            .AssertReply("太短了（第2次）")
            .Send("村口")
            .AssertResult<string>(text => Assert.Equal("村口", text))
            .RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task NonMessageActivitiesAreIgnoredAndNotCountedWhileWaiting()
    {
        static Task<PromptValidation> NeverPromptValidatorAsync(PromptValidatorContext<string> prompt, CancellationToken ct) =>
            Task.FromResult(PromptValidation.Reject($"第{prompt.AttemptCount}次"));

        await AskDialog.Flow(_ => new TextPrompt("text", NeverPromptValidatorAsync), "在哪里？")
            .Send("hi")
            .AssertReply("在哪里？")
            .Send(new Activity { Type = ActivityTypes.Typing })
            .AssertNoReply()
            .AssertStatus(DialogTurnStatus.Waiting)
            .Send(new Activity { Type = ActivityTypes.ConversationUpdate, MembersAdded = [new ChannelAccount { Id = "someone" }] })
            .AssertNoReply()
            .Send(new Activity { Type = ActivityTypes.Event, Name = "webchat/join" })
            .AssertNoReply()
            .Send("x")
            .AssertReply("第1次")
            .RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task NoRetryIsSentWhenTheValidatorAlreadyReplied()
    {
        static async Task<PromptValidation> ChattyPromptValidatorAsync(PromptValidatorContext<string> prompt, CancellationToken ct)
        {
            await prompt.Context.SendTextAsync("这个地方不在本村，换一个？", ct);
            return PromptValidation.Reject(null);
        }

        await AskDialog.Flow(_ => new TextPrompt("text", ChattyPromptValidatorAsync), new PromptOptions { Prompt = "在哪里？", RetryPrompt = "再说一次在哪里？" })
            .Send("hi")
            .AssertReply("在哪里？")
            .Send("北京")
            .AssertReply("这个地方不在本村，换一个？")
            .AssertNoReply()
            .RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task TheCallersRetryPromptIsUsedWhenTheValidatorGivesNoReason()
    {
        static Task<PromptValidation> ShortPromptValidatorAsync(PromptValidatorContext<string> prompt, CancellationToken ct) =>
            Task.FromResult(prompt.Value.Length <= 4 ? PromptValidation.Accept : PromptValidation.Reject(null));

        await AskDialog.Flow(_ => new TextPrompt("text", ShortPromptValidatorAsync), new PromptOptions { Prompt = "在哪里？", RetryPrompt = "说短一点：在哪里？" })
            .Send("hi")
            .AssertReply("在哪里？")
            .Send("就在我们村东头的大槐树下面")
            .AssertReply("说短一点：在哪里？")
            .RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task AfterMaxAttemptsThePromptGivesUpAndCancelsEverything()
    {
        static Task<PromptValidation> NeverPromptValidatorAsync(PromptValidatorContext<string> prompt, CancellationToken ct) =>
            Task.FromResult(PromptValidation.Reject("不对"));

        await AskDialog.Flow(_ => new TextPrompt("text", NeverPromptValidatorAsync), new PromptOptions { Prompt = "在哪里？", MaxAttempts = 2 })
            .Send("hi")
            .AssertReply("在哪里？")
            .Send("a")
            .AssertReply("不对")
            .Send("b")
            .AssertReply("好像一直没对上，我们先停在这里。需要时再叫我。")
            .AssertStatus(DialogTurnStatus.Cancelled)
            .Send("c")
            .AssertReply("在哪里？")
            .RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task APromptBegunWithoutPromptOptionsThrows()
    {
        var waterfall = new WaterfallDialog<NoState>("w", () => new NoState(), (step, ct) => step.BeginDialogAsync("text", "不是选项", ct));

        await Assert.ThrowsAsync<ArgumentException>(
            () => new DialogTestFlow(_ => new AskDialog(new TextPrompt("text"), new PromptOptions { Prompt = "x" }))
                .RestartBot(rootFactory: _ => new TestComponent(waterfall, new TextPrompt("text")))
                .Send("hi")
                .RunAsync(TestContext.Current.CancellationToken));
    }

    private sealed class TestComponent : ComponentDialog
    {
        public TestComponent(Dialog first, Dialog second)
            : base(nameof(TestComponent))
        {
            AddDialog(first);
            AddDialog(second);
        }
    }
}
