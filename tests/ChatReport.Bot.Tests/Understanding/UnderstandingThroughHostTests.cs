using ChatReport.Bot.Tests.Conversation;
using ChatReport.Bot.Tests.Support;
using ChatReport.Conversation.Domain;
using Microsoft.Extensions.DependencyInjection;

namespace ChatReport.Bot.Tests.Understanding;

/// <summary>What the member said, understood through the real host: a span asks for the day, a question is answered, a place is kept.</summary>
public sealed class UnderstandingThroughHostTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LastWeekAsksWhichDayWithTheDaysAsButtonsAndTheChosenDayIsTheClaims()
    {
        var (app, client, member, branch) = await StartAsync();
        await using var _ = app;
        using var __ = client;

        // Now is Thursday 2026-11-26 in Beijing; 上周 is Mon 16 – Sun 22 November.
        var asked = await member.SayAsync("申报 上周帮着扫了两回雪");
        Assert.Contains("具体是哪一天", asked[^1], StringComparison.Ordinal);
        var buttons = SuggestedActions(app, member);
        Assert.Equal(["11月22日", "11月21日", "11月20日", "11月19日", "11月18日", "11月17日", "11月16日"], buttons);

        // A month is no answer to "which day".
        Assert.Contains("请说具体哪一天", (await member.SayAsync("上个月"))[^1], StringComparison.Ordinal);
        await member.SayAsync("11月21日");
        var summary = await AnswerUntilSummaryAsync(member);
        Assert.Contains("时间：11月21日", summary, StringComparison.Ordinal);
        Assert.Contains("项目：铲除路面积雪", summary, StringComparison.Ordinal);
        await member.SayAsync("提交");
        var claim = Assert.Single(await app.Services.GetRequiredService<IClaimBook>().ListPendingAsync(branch.Unit.Id, null, Token));
        Assert.Equal(new DateOnly(2026, 11, 21), claim.OccurredOn);
    }

    [Fact]
    public async Task ADayOfTheMonthAfterLastMonthIsThatDayOfLastMonth()
    {
        var (app, client, member, branch) = await StartAsync();
        await using var _ = app;
        using var __ = client;

        Assert.Contains("具体是哪一天", (await member.SayAsync("申报 上个月帮村里修了水渠"))[^1], StringComparison.Ordinal);
        await member.SayAsync("15号");
        var summary = await AnswerUntilSummaryAsync(member);
        Assert.Contains("时间：10月15日", summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("积分是怎么算的？", "基础积分 + 贡献加分")]
    [InlineData("你好", "做了好事直接跟我说")]
    [InlineData("谢谢", "不客气")]
    [InlineData("扫雪能加几分？", "铲除路面积雪 1 分")]
    [InlineData("上个月的党费忘交了", "扣分由支部书记登记")]
    [InlineData("反映个事 有个党员把垃圾倒进河沟里了", "扣分由支部书记核实后登记")]
    [InlineData("谢谢书记 辛苦了", "不客气")]
    [InlineData("我上回报的扫雪审核过了没", "2026年积分")]
    public async Task QuestionsAndChitChatAreAnsweredNotReported(string text, string answer)
    {
        var (app, client, member, _) = await StartAsync();
        await using var __ = app;
        using var ___ = client;

        var replies = await member.SayAsync(text);

        Assert.Contains(replies, r => r.Contains(answer, StringComparison.Ordinal));
        Assert.DoesNotContain(replies, r => r.Contains("是哪天做的", StringComparison.Ordinal));
        // Nothing is waiting for an answer: the next message starts afresh.
        Assert.Contains("2026年积分", string.Join("\n", await member.SayAsync("我的积分")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HowManyPointsDoIHaveIsAnsweredWithTheMembersPoints()
    {
        var (app, client, member, _) = await StartAsync();
        await using var __ = app;
        using var ___ = client;

        var replies = await member.SayAsync("我现在有多少分了？");

        Assert.Contains(replies, r => r.Contains("2026年积分：60 分", StringComparison.Ordinal));
    }

    [Fact]
    public async Task APlaceNamedWithoutZaiIsKeptAndNotAskedFor()
    {
        var (app, client, member, _) = await StartAsync();
        await using var __ = app;
        using var ___ = client;

        var replies = await member.SayAsync("申报 前天去镇上听了一堂党课");

        Assert.DoesNotContain(replies, r => r.Contains("在哪里做的", StringComparison.Ordinal));
        var summary = await AnswerUntilSummaryAsync(member, replies);
        Assert.Contains("地点：镇上", summary, StringComparison.Ordinal);
    }

    private static async Task<string> AnswerUntilSummaryAsync(BotChat member, IReadOnlyList<string>? replies = null)
    {
        for (var turn = 0; turn < 6; turn++)
        {
            if (replies is { Count: > 0 } && replies[^1].Contains("请看一下对不对", StringComparison.Ordinal))
            {
                return replies[^1];
            }

            replies = await member.SayAsync("跳过");
        }

        throw new InvalidOperationException("No summary: " + string.Join(" | ", replies ?? []));
    }

    private static List<string> SuggestedActions(ChatReportApplication app, BotChat member)
    {
        var last = app.Connector.Requests.Last(r => r.Json.GetProperty("conversation").GetProperty("id").GetString() == member.ConversationId);
        return [.. last.Json.GetProperty("suggestedActions").GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("title").GetString()!)];
    }

    private static async Task<(ChatReportApplication App, HttpClient Client, BotChat Member, ChatBranch Branch)> StartAsync()
    {
        var (app, client) = await BotChat.StartAppAsync();
        var branch = await ChatBranch.CreateAsync(app);
        var member = BotChat.For(app, client, userId: "29:member", userName: "王芳");
        await member.SayAsync($"加入 {branch.Code}");
        await member.SayAsync("是");
        return (app, client, member, branch);
    }
}
