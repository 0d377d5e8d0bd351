namespace ChatReport.Bot.Tests.Conversation;

/// <summary>Help in the middle of a report and at the top.</summary>
public sealed partial class MemberConversationTests
{
    [Fact]
    public async Task HelpCancelAndAnotherCommandWorkInTheMiddleOfAReport()
    {
        var (app, client) = await BotChat.StartAppAsync();
        await using var _ = app;
        using var __ = client;
        var branch = await ChatBranch.CreateAsync(app);
        var chat = await JoinedAsync(branch, BotChat.For(app, client));

        Assert.Equal("请说说您做了什么，例如：昨天下午在村口扫雪", Assert.Single(await chat.SayAsync("申报")));
        var help = await chat.SayAsync("帮助");
        Assert.Equal(2, help.Count);
        Assert.Contains("正在申报积分", help[0], StringComparison.Ordinal);
        Assert.Contains("取消", help[0], StringComparison.Ordinal);
        Assert.Equal("请说说您做了什么，例如：昨天下午在村口扫雪", help[1]);

        var switched = await chat.SayAsync("我的积分");
        Assert.Equal("好的，先放下刚才的事。", switched[0]);
        Assert.Contains("2026年积分", switched[1], StringComparison.Ordinal);

        await chat.SayAsync("申报 昨天在村口扫雪");
        Assert.Equal("好的，已取消。需要时随时叫我。", Assert.Single(await chat.SayAsync("取消")));
        Assert.Equal("现在没有进行中的事情，不用取消。", Assert.Single(await chat.SayAsync("取消")));
        Assert.Empty(await ClaimsAsync(chat, branch));

        var menu = Assert.Single(await chat.SayAsync("帮助"));
        Assert.Contains("我的积分", menu, StringComparison.Ordinal);
        Assert.Contains("撤回 12", menu, StringComparison.Ordinal);
        Assert.DoesNotContain("加入 123456", menu, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HelpAtTheTopListsEachMemberCommandWithAnExampleShortEnoughForAPhone()
    {
        var (app, client) = await BotChat.StartAppAsync();
        await using var _ = app;
        using var __ = client;
        var branch = await ChatBranch.CreateAsync(app);
        var chat = await JoinedAsync(branch, BotChat.For(app, client));
        var english = BotChat.For(app, client, userId: "29:en", userName: "Wang Fang", locale: "en-US");
        await english.SayAsync($"join {branch.Code}");
        await english.SayAsync("yes");

        Assert.Equal(
            """
            您可以这样说：
            · 申报 昨天在村口扫雪 —— 报积分
            · 我的积分 —— 查积分和名次
            · 排行榜 —— 看支部谁分高
            · 撤回 12 —— 收回还没审核的申报
            · 绑定 —— 换了手机也能接着用
            · 报名 7 —— 报名参加第 7 号任务
            · 异议 张三 原因 —— 对公示有异议，私下提给支部
            · 帮助 —— 再看这张单子
            做了好事也可以直接跟我说，不用加“申报”。
            """.ReplaceLineEndings("\n"),
            Assert.Single(await chat.SayAsync("帮助")));
        var menu = Assert.Single(await english.SayAsync("help"));
        Assert.Equal(
            """
            You can say:
            · report cleared snow yesterday - claim points
            · my points - your points and rank
            · ranking - who leads in your branch
            · withdraw 12 - take back a claim not yet reviewed
            · link - use me on a new phone too
            · join task 7 - sign up for task 7
            · object Zhang San reason - object to the notice, privately
            · help - this list again
            You can also just tell me what you did, without "report".
            """.ReplaceLineEndings("\n"),
            menu);
        Assert.All(menu.Split('\n'), line => Assert.True(line.Length <= 60, line));
    }
}
