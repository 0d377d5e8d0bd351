using ChatReport.Dialogs.Prompts;
using ChatReport.Dialogs.Schema;
using ChatReport.Dialogs.Tests.Testing;

namespace ChatReport.Dialogs.Tests.Prompts;

public sealed class ConfirmPromptTests
{
    [Theory]
    [InlineData("是", true)]
    [InlineData("好的", true)]
    [InlineData("对", true)]
    [InlineData("對", true)]
    [InlineData("确认", true)]
    [InlineData("確認", true)]
    [InlineData("提交", true)]
    [InlineData("可以", true)]
    [InlineData("嗯", true)]
    [InlineData("行", true)]
    [InlineData("ＯＫ", true)]
    [InlineData("Yes please", true)]
    [InlineData("1", true)]
    [InlineData("不", false)]
    [InlineData("否", false)]
    [InlineData("不是", false)]
    [InlineData("不要了", false)]
    [InlineData("no", false)]
    [InlineData("2", false)]
    public async Task UnderstandsOurOwnYesAndNoWords(string answer, bool expected)
    {
        await AskDialog.Flow(_ => new ConfirmPrompt("confirm"), "提交吗？")
            .Send("hi")
            .AssertReply("提交吗？")
            .Send(answer)
            .AssertResult<bool>(value => Assert.Equal(expected, value))
            .RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task ShowsYesAndNoButtonsAndAsksAgainForAnythingElse()
    {
        await AskDialog.Flow(_ => new ConfirmPrompt("confirm"), "提交吗？")
            .Send("hi")
            .AssertReply(reply => Assert.Equal(["是", "否"], reply.SuggestedActions!.Actions!.Select(a => a.Title)))
            .Send("也许吧")
            .AssertReply(reply =>
            {
                Assert.Equal("请回复“是”或“否”。", reply.Text);
                Assert.Equal(2, reply.SuggestedActions?.Actions?.Count);
            })
            .RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task EnglishUsersGetEnglishButtons()
    {
        await AskDialog.Flow(_ => new ConfirmPrompt("confirm"), "Submit?")
            .Send(new Activity { Text = "hi", Locale = "en-GB" })
            .AssertReply(reply => Assert.Equal(["Yes", "No"], reply.SuggestedActions!.Actions!.Select(a => a.Title)))
            .Send(new Activity { Text = "Yes", Locale = "en-GB" })
            .AssertResult<bool>(Assert.True)
            .RunAsync(TestContext.Current.CancellationToken);
    }
}
