using ChatReport.Dialogs.Prompts;
using ChatReport.Dialogs.Tests.Testing;

namespace ChatReport.Dialogs.Tests.Prompts;

public sealed class NumberPromptTests
{
    [Theory]
    [InlineData("二十分", 20)]
    [InlineData("20分", 20)]
    [InlineData("加1分", 1)]
    [InlineData("加一分", 1)]
    [InlineData("twenty points", 20)]
    [InlineData("２０", 20)]
    [InlineData("兩分", 2)]
    [InlineData("一百零五", 105)]
    public async Task UnderstandsPointsWrittenInManyWays(string answer, int expected)
    {
        await AskDialog.Flow(_ => new NumberPrompt<int>("points"), "申报几分？")
            .Send("hi")
            .AssertReply("申报几分？")
            .Send(answer)
            .AssertResult<int>(points => Assert.Equal(expected, points))
            .RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task AnIntegerPromptAsksAgainForAFractionButADecimalPromptTakesIt()
    {
        await AskDialog.Flow(_ => new NumberPrompt<int>("points"), "申报几分？")
            .Send("hi")
            .AssertReply("申报几分？")
            .Send("2.5分")
            .AssertReply("请回复一个数字，例如 20。")
            .RunAsync(TestContext.Current.CancellationToken);

        await AskDialog.Flow(_ => new NumberPrompt<decimal>("hours"), "几个小时？")
            .Send("hi")
            .AssertReply("几个小时？")
            .Send("2.5")
            .AssertResult<decimal>(hours => Assert.Equal(2.5m, hours))
            .RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task AnswersWithoutANumberGetTheDefaultRetryInTheUsersLanguage()
    {
        await AskDialog.Flow(_ => new NumberPrompt<int>("points"), "How many points?")
            .Send(new Dialogs.Schema.Activity { Text = "hello", Locale = "en-US" })
            .AssertReply("How many points?")
            .Send(new Dialogs.Schema.Activity { Text = "lots", Locale = "en-US" })
            .AssertReply("Please reply with a number, for example 20.")
            .RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task AValidatorReceivesTheRecognizedValueAndMayRejectItWithAReason()
    {
        var seen = new List<int>();
        Task<PromptValidation> PointsPromptValidatorAsync(PromptValidatorContext<int> prompt, CancellationToken ct)
        {
            seen.Add(prompt.Value);
            return Task.FromResult(prompt.Value <= 10 ? PromptValidation.Accept : PromptValidation.Reject("这条规则最多 10 分。"));
        }

        await AskDialog.Flow(_ => new NumberPrompt<int>("points", PointsPromptValidatorAsync), "申报几分？")
            .Send("hi")
            .AssertReply("申报几分？")
            .Send("二十分")
            .AssertReply("这条规则最多 10 分。")
            .Send("十分")
            .AssertResult<int>(points => Assert.Equal(10, points))
            .RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal([20, 10], seen);
    }
}
