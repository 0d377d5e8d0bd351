using System.Text.Json;
using ChatReport.Dialogs.Prompts;
using ChatReport.Dialogs.Recognition;
using ChatReport.Dialogs.Schema;
using ChatReport.Dialogs.Tests.Testing;

namespace ChatReport.Dialogs.Tests.Prompts;

public sealed class ChoicePromptTests
{
    private static readonly Choice[] Menu =
    [
        new("申报") { Synonyms = ["报告", "申报积分"] },
        new("我的积分") { Synonyms = ["积分", "my points"] },
        new("排行榜") { Title = "排行榜（本季度）", Synonyms = ["排名", "ranking"] },
    ];

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static PromptOptions Options(ListStyle style = ListStyle.Auto) => new() { Prompt = "想做什么？", Choices = Menu, Style = style };

    [Fact]
    public async Task ChoicesAreButtonsThatSendTheValueBackOnChannelsThatShowThem()
    {
        await AskDialog.Flow(_ => new ChoicePrompt("menu"), Options())
            .Send("hi")
            .AssertReply(reply =>
            {
                Assert.Equal("想做什么？", reply.Text);
                var actions = reply.SuggestedActions!.Actions!;
                Assert.Equal(["申报", "我的积分", "排行榜（本季度）"], actions.Select(a => a.Title));
                Assert.All(actions, a => Assert.Equal(CardAction.ImBack, a.Type));
                Assert.Equal("排行榜", actions[2].Value!.Value.GetString());
            })
            .Send("排行榜")
            .AssertResult<FoundChoice>(found => Assert.Equal(new FoundChoice("排行榜", 2, ChoiceMatchKind.Exact), found))
            .RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task ChoicesAreANumberedListWhereButtonsAreNotShown()
    {
        await new DialogTestFlow(_ => new AskDialog(new ChoicePrompt("menu"), Options())) { ChannelId = "msteams" }
            .Send("hi")
            .AssertReply(reply =>
            {
                Assert.Equal("想做什么？\n1. 申报\n2. 我的积分\n3. 排行榜（本季度）", reply.Text);
                Assert.Null(reply.SuggestedActions);
            })
            .Send("2")
            .AssertResult<FoundChoice>(found => Assert.Equal("我的积分", found.Value))
            .RunAsync(TestContext.Current.CancellationToken);
    }

    [Theory]
    [InlineData("申报", "申报", ChoiceMatchKind.Exact)]
    [InlineData(" 申报。", "申报", ChoiceMatchKind.Exact)]
    [InlineData("申報", "申报", ChoiceMatchKind.Exact)]
    [InlineData("积分", "我的积分", ChoiceMatchKind.Exact)]
    [InlineData("我的積分", "我的积分", ChoiceMatchKind.Exact)]
    [InlineData("RANKING", "排行榜", ChoiceMatchKind.Exact)]
    [InlineData("排行榜（本季度）", "排行榜", ChoiceMatchKind.Exact)]
    [InlineData("1", "申报", ChoiceMatchKind.Index)]
    [InlineData("２", "我的积分", ChoiceMatchKind.Index)]
    [InlineData("三", "排行榜", ChoiceMatchKind.Index)]
    [InlineData("第二个", "我的积分", ChoiceMatchKind.Index)]
    [InlineData("第2項", "我的积分", ChoiceMatchKind.Index)]
    [InlineData("the second one", "我的积分", ChoiceMatchKind.Index)]
    [InlineData("最后一个", "排行榜", ChoiceMatchKind.Index)]
    [InlineData("我要申报", "申报", ChoiceMatchKind.Partial)]
    [InlineData("看看排名吧", "排行榜", ChoiceMatchKind.Partial)]
    [InlineData("show my points please", "我的积分", ChoiceMatchKind.Partial)]
    public async Task MatchesExactlyByNumberOrPartly(string answer, string expected, ChoiceMatchKind kind)
    {
        await AskDialog.Flow(_ => new ChoicePrompt("menu"), Options(ListStyle.None))
            .Send("hi")
            .AssertReply("想做什么？")
            .Send(answer)
            .AssertResult<FoundChoice>(found =>
            {
                Assert.Equal(expected, found.Value);
                Assert.Equal(kind, found.MatchKind);
            })
            .RunAsync(TestContext.Current.CancellationToken);
    }

    [Theory]
    [InlineData("4")]
    [InlineData("积分排名")]
    [InlineData("天气")]
    public async Task OutOfRangeAmbiguousOrUnrelatedAnswersGetTheChoicesAgain(string answer)
    {
        await AskDialog.Flow(_ => new ChoicePrompt("menu"), Options())
            .Send("hi")
            .AssertReply("想做什么？")
            .Send(answer)
            .AssertReply(reply =>
            {
                Assert.Equal("请从下面选一个，也可以回复序号。", reply.Text);
                Assert.Equal(3, reply.SuggestedActions?.Actions?.Count);
            })
            .RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task AChoicePromptWithoutChoicesThrows()
    {
        await Assert.ThrowsAsync<ArgumentException>(
            () => AskDialog.Flow(_ => new ChoicePrompt("menu"), "想做什么？").Send("hi").RunAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public void ChoicesSurviveTheJsonRoundTripOfAWaitingPrompt()
    {
        var options = Options() with { Attachments = [new Attachment { ContentType = "image/png", ContentUrl = "https://example/a.png" }] };
        var json = JsonSerializer.Serialize(options, Web);

        var back = JsonSerializer.Deserialize<PromptOptions>(json, Web)!;

        Assert.Equal(
            Menu.Select(c => (c.Value, c.Title, string.Join("|", c.Synonyms))),
            back.Choices!.Select(c => (c.Value, c.Title, string.Join("|", c.Synonyms))));
        Assert.Equal("https://example/a.png", Assert.Single(back.Attachments!).ContentUrl);
    }
}
