using ChatReport.Conversation.Domain;
using ChatReport.Conversation.Members;
using ChatReport.Dialogs.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace ChatReport.Bot.Tests.Conversation;

/// <summary>What a member does, through /api/messages and the real SQLite stores. The app's now is 2026-11-26 20:00 in Shanghai.</summary>
public sealed partial class MemberConversationTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task<BotChat> JoinedAsync(ChatBranch branch, BotChat chat)
    {
        Assert.Contains("王芳", Assert.Single(await chat.SayAsync($"加入 {branch.Code}")), StringComparison.Ordinal);
        Assert.Contains("欢迎王芳加入山岔村党支部", Assert.Single(await chat.SayAsync("是")), StringComparison.Ordinal);
        return chat;
    }

    private static async Task<IReadOnlyList<Claim>> ClaimsAsync(BotChat chat, ChatBranch branch)
    {
        var member = await chat.MemberAsync();
        return await chat.App.Services.GetRequiredService<IClaimBook>().ListForMemberAsync(member!.Id, branch.Cycle.Id, null, Token);
    }

    [Fact]
    public async Task AMemberCanJoinReportInOneSentenceAndSeeTheirPointsAndARedeliveredSubmitMakesOneClaim()
    {
        var (app, client) = await BotChat.StartAppAsync();
        await using var _ = app;
        using var __ = client;
        var branch = await ChatBranch.CreateAsync(app);
        var chat = BotChat.For(app, client);

        Assert.Contains("加入 123456", Assert.Single(await chat.SayAsync("你好")), StringComparison.Ordinal);
        Assert.Contains("还没有加入支部", Assert.Single(await chat.SayAsync("我的积分")), StringComparison.Ordinal);
        await JoinedAsync(branch, chat);

        Assert.Contains("有照片的话", Assert.Single(await chat.SayAsync("申报 昨天下午在村口带头扫雪两个小时")), StringComparison.Ordinal);
        var summary = Assert.Single(await chat.SayAsync("跳过"));
        Assert.Contains("时间：11月25日", summary, StringComparison.Ordinal);
        Assert.Contains("地点：村口", summary, StringComparison.Ordinal);
        Assert.Contains("项目：铲除路面积雪，1 分", summary, StringComparison.Ordinal);

        var submit = chat.Message("提交", "submit-1");
        var submitted = Assert.Single(await chat.PostAsync(submit));
        Assert.StartsWith("已提交，编号 ", submitted, StringComparison.Ordinal);
        Assert.Empty(await chat.PostAsync(submit));

        var claim = Assert.Single(await ClaimsAsync(chat, branch));
        Assert.Equal(("村口", 1, new DateOnly(2026, 11, 25), ClaimStatus.Pending), (claim.Place, claim.ClaimedPoints, claim.OccurredOn, claim.Status));
        Assert.Contains($"编号 {claim.Id}", submitted, StringComparison.Ordinal);

        var points = Assert.Single(await chat.SayAsync("我的积分"));
        Assert.Contains("2026年积分：60 分", points, StringComparison.Ordinal);
        Assert.Contains($"待审核：1 条（编号 {claim.Id}）", points, StringComparison.Ordinal);
        Assert.Contains("支部排名：第", points, StringComparison.Ordinal);

        var ranking = Assert.Single(await chat.SayAsync("排行榜"));
        Assert.Contains("本季度（第4季度）排行", ranking, StringComparison.Ordinal);
        Assert.Contains("您：第", ranking, StringComparison.Ordinal);

        Assert.Contains("撤回编号", Assert.Single(await chat.SayAsync($"撤回 {claim.Id}")), StringComparison.Ordinal);
        Assert.Equal($"编号 {claim.Id} 已撤回。", Assert.Single(await chat.SayAsync("是")));
        Assert.Equal(ClaimStatus.Withdrawn, Assert.Single(await ClaimsAsync(chat, branch)).Status);
    }

    [Fact]
    public async Task AReportWithoutTheWordReportAsksForWhatIsMissingAndAChangeAsksOnlyThatField()
    {
        var (app, client) = await BotChat.StartAppAsync();
        await using var _ = app;
        using var __ = client;
        var branch = await ChatBranch.CreateAsync(app);
        var chat = await JoinedAsync(branch, BotChat.For(app, client));

        // No place, no rule keyword: the bot asks where, then which item.
        Assert.Equal("在哪里做的？没有具体地点就说“跳过”。", Assert.Single(await chat.SayAsync("前天上午帮忙了")));
        Assert.StartsWith("这件事算哪一项？", Assert.Single(await chat.SayAsync("村委会")), StringComparison.Ordinal);
        Assert.Contains("有照片的话", Assert.Single(await chat.SayAsync("志愿服务")), StringComparison.Ordinal);
        var photo = new Attachment { ContentType = "image/jpeg", ContentUrl = "https://example.org/p.jpg", Name = "p.jpg" };
        var summary = Assert.Single(await chat.SayAsync(null, attachments: [photo]));
        Assert.Contains("时间：11月24日", summary, StringComparison.Ordinal);
        Assert.Contains("地点：村委会", summary, StringComparison.Ordinal);
        Assert.Contains("项目：志愿服务，2 分", summary, StringComparison.Ordinal);
        Assert.Contains("照片：1 张", summary, StringComparison.Ordinal);

        Assert.StartsWith("要改哪一项？", Assert.Single(await chat.SayAsync("修改")), StringComparison.Ordinal);
        Assert.Equal("申报多少分？", Assert.Single(await chat.SayAsync("分数")));
        Assert.Equal("请回复 1 到 100 之间的分数。", Assert.Single(await chat.SayAsync("五百")));
        Assert.Contains("项目：志愿服务，3 分", Assert.Single(await chat.SayAsync("三分")), StringComparison.Ordinal);
        Assert.StartsWith("已提交", Assert.Single(await chat.SayAsync("提交")), StringComparison.Ordinal);

        var claim = Assert.Single(await ClaimsAsync(chat, branch));
        Assert.Equal(("村委会", 3, "volunteer_service"), (claim.Place, claim.ClaimedPoints, (await app.Services.GetRequiredService<IRuleBook>().GetAsync(claim.RuleId, Token))!.Code));
        Assert.Equal("https://example.org/p.jpg", Assert.Single(claim.Attachments).ContentUrl);
    }

    [Fact]
    public async Task ChangingWhatWasDoneOffersTheRuleTheNewWordsMatch()
    {
        var (app, client) = await BotChat.StartAppAsync();
        await using var _ = app;
        using var __ = client;
        var branch = await ChatBranch.CreateAsync(app);
        var chat = await JoinedAsync(branch, BotChat.For(app, client));

        await chat.SayAsync("申报 昨天下午在村口扫雪");
        Assert.Contains("项目：铲除路面积雪，1 分", Assert.Single(await chat.SayAsync("跳过")), StringComparison.Ordinal);
        await chat.SayAsync("修改");
        Assert.StartsWith("请说说您做了什么", Assert.Single(await chat.SayAsync("事项")), StringComparison.Ordinal);
        var offer = Assert.Single(await chat.SayAsync("给老人义务理发"));
        Assert.StartsWith("这件事算哪一项？", offer, StringComparison.Ordinal);
        Assert.Contains("义务理发", offer, StringComparison.Ordinal);
        Assert.Contains("铲除路面积雪", offer, StringComparison.Ordinal);
        var summary = Assert.Single(await chat.SayAsync("义务理发"));
        Assert.Contains("事项：给老人义务理发", summary, StringComparison.Ordinal);
        Assert.Contains("项目：义务理发，", summary, StringComparison.Ordinal);

        // Words that fit the rule already chosen ask nothing.
        await chat.SayAsync("修改");
        await chat.SayAsync("事项");
        Assert.Contains("项目：义务理发，", Assert.Single(await chat.SayAsync("帮邻居老人理发")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FutureDatesCapsAndASecondClaimOnTheSameDayAreRefusedWithReasons()
    {
        var (app, client) = await BotChat.StartAppAsync();
        await using var _ = app;
        using var __ = client;
        var branch = await ChatBranch.CreateAsync(app);
        var chat = await JoinedAsync(branch, BotChat.For(app, client));

        var future = await chat.SayAsync("申报 明天在村口扫雪");
        Assert.Equal(["这个日期还没到，只能申报已经做过的事。", "是哪天做的？例如：昨天下午、10月8日"], future);
        Assert.Equal("这个日期还没到，只能申报已经做过的事。", Assert.Single(await chat.SayAsync("下周一")));
        Assert.Equal("这一天不在今年的积分时间里，不能申报。", Assert.Single(await chat.SayAsync("2025年12月1日")));
        Assert.Contains("有照片的话", Assert.Single(await chat.SayAsync("今天早上")), StringComparison.Ordinal);
        Assert.Contains("时间：11月26日", Assert.Single(await chat.SayAsync("跳过")), StringComparison.Ordinal);
        Assert.StartsWith("已提交", Assert.Single(await chat.SayAsync("提交")), StringComparison.Ordinal);

        // Snow clearing gives 1 point a day: the day is full.
        Assert.Equal("“铲除路面积雪”每天最多 1 分，已经申报满了，这次不能再报。", Assert.Single(await chat.SayAsync("今天下午又在村口扫雪了")));

        // Haircuts: 20 a quarter; 30 is more than is left.
        Assert.StartsWith("“义务理发”每季度最多 20 分，还能申报 20 分。按 20 分申报吗？", Assert.Single(await chat.SayAsync("申报 昨天在村口义务理发 30分")), StringComparison.Ordinal);
        Assert.Contains("有照片的话", Assert.Single(await chat.SayAsync("好")), StringComparison.Ordinal);
        Assert.Contains("项目：义务理发，20 分", Assert.Single(await chat.SayAsync("跳过")), StringComparison.Ordinal);
        Assert.StartsWith("已提交", Assert.Single(await chat.SayAsync("提交")), StringComparison.Ordinal);

        // A second volunteer claim on the same day: a warning the member may override with a note.
        await chat.SayAsync("申报 昨天在村委会志愿服务");
        await chat.SayAsync("跳过");
        await chat.SayAsync("提交");
        Assert.StartsWith("您这天已经申报过“志愿服务”", Assert.Single(await chat.SayAsync("申报 昨天在敬老院志愿服务")), StringComparison.Ordinal);
        Assert.Equal("请简单说明为什么要再报一次，书记审核时会看到。", Assert.Single(await chat.SayAsync("是")));
        Assert.Contains("有照片的话", Assert.Single(await chat.SayAsync("上午和下午是两次不同的服务")), StringComparison.Ordinal);
        Assert.Contains("说明：上午和下午是两次不同的服务", Assert.Single(await chat.SayAsync("跳过")), StringComparison.Ordinal);
        await chat.SayAsync("提交");

        var claims = await ClaimsAsync(chat, branch);
        Assert.Equal(4, claims.Count);
        Assert.Single(claims, c => c.MemberNote == "上午和下午是两次不同的服务" && c.Place == "敬老院");
        Assert.Single(claims, c => c.ClaimedPoints == 20);
    }

    [Fact]
    public async Task TheCapIsCheckedAgainWhenSubmittingSoARacingClaimCannotPushPastIt()
    {
        var (app, client) = await BotChat.StartAppAsync();
        await using var _ = app;
        using var __ = client;
        var branch = await ChatBranch.CreateAsync(app);
        var chat = await JoinedAsync(branch, BotChat.For(app, client));
        var member = (await chat.MemberAsync())!;
        var haircut = (await app.Services.GetRequiredService<IRuleBook>().FindByCodeAsync("free_haircut", Token))!;
        var claims = app.Services.GetRequiredService<IClaimBook>();
        async Task RacingClaimAsync(int points, string id) =>
            Assert.Equal(ClaimSubmissionStatus.Created, (await claims.SubmitAsync(
                new ClaimRequest(member.Id, haircut.Id, app.Time.GetUtcNow(), new DateOnly(2026, 11, 20), null, "另一部手机上报的", points, null, new ActivityKey("webchat", "other", id), []),
                Token)).Status);

        Assert.Contains("有照片的话", Assert.Single(await chat.SayAsync("申报 昨天在村口义务理发 15分")), StringComparison.Ordinal);
        Assert.Contains("项目：义务理发，15 分", Assert.Single(await chat.SayAsync("跳过")), StringComparison.Ordinal);

        // While the summary waits, 10 of the quarter's 20 go elsewhere: 15 no longer fits.
        await RacingClaimAsync(10, "race-1");
        var shrunk = await chat.SayAsync("提交");
        Assert.Equal(2, shrunk.Count);
        Assert.Equal("刚才又有一条“义务理发”报上来了，每季度最多 20 分，现在只能报 10 分。已改成 10 分，请再看一下：", shrunk[0]);
        Assert.Contains("项目：义务理发，10 分", shrunk[1], StringComparison.Ordinal);

        // And once more, with nothing left at all.
        await RacingClaimAsync(10, "race-2");
        Assert.Equal("“义务理发”每季度最多 20 分，已经申报满了，这次不能再报。", Assert.Single(await chat.SayAsync("提交")));
        Assert.Equal(20, (await ClaimsAsync(chat, branch)).Where(c => c.RuleId == haircut.Id).Sum(c => c.ClaimedPoints));
    }

    [Fact]
    public async Task AReportInProgressSurvivesARestartOfTheBot()
    {
        var (first, firstClient) = await BotChat.StartAppAsync();
        await using var _ = first;
        using var __ = firstClient;
        var branch = await ChatBranch.CreateAsync(first);
        var chat = await JoinedAsync(branch, BotChat.For(first, firstClient));
        Assert.Contains("有照片的话", Assert.Single(await chat.SayAsync("申报 昨天下午在村口扫雪")), StringComparison.Ordinal);

        var (second, secondClient) = await BotChat.StartAppAsync(first.DatabasePath);
        await using var ___ = second;
        using var ____ = secondClient;
        var restarted = new BotChatAfterRestart(chat, second, secondClient);
        Assert.Contains("地点：村口", Assert.Single(await restarted.SayAsync("跳过")), StringComparison.Ordinal);
        Assert.StartsWith("已提交", Assert.Single(await restarted.SayAsync("提交")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AJoinCodeAndAMembersNameNeverTakeOverTheirAccount()
    {
        var (app, client) = await BotChat.StartAppAsync();
        await using var _ = app;
        using var __ = client;
        var branch = await ChatBranch.CreateAsync(app);
        var teams = await JoinedAsync(branch, BotChat.For(app, client));
        await app.Services.GetRequiredService<IMemberDirectory>().LinkAccountAsync(branch.Secretary.Id, "msteams", "29:secretary", "李书记", Token);
        var intruder = BotChat.For(app, client, userId: "web-user-9", userName: "李书记", channelId: "webchat");

        // The secretary's name with a valid join code: questioned, and "no" links nothing.
        Assert.StartsWith("您的姓名是“李书记”吗？", Assert.Single(await intruder.SayAsync($"加入 {branch.Code}")), StringComparison.Ordinal);
        Assert.StartsWith("支部里已经有一位“李书记”在用别的账号。", Assert.Single(await intruder.SayAsync("是")), StringComparison.Ordinal);
        Assert.Contains("绑定", Assert.Single(await intruder.SayAsync("不是")), StringComparison.Ordinal);
        Assert.Null(await intruder.MemberAsync());

        // A member's name typed by hand: "yes, another person" makes a new member, never theirs.
        var web = BotChat.For(app, client, userId: "web-user-10", userName: "芳", channelId: "webchat");
        await web.SayAsync($"加入 {branch.Code}");
        Assert.Equal("请告诉我您的姓名（和支部花名册上一致）。", Assert.Single(await web.SayAsync("不是")));
        Assert.StartsWith("支部里已经有一位“王芳”在用别的账号。", Assert.Single(await web.SayAsync("王芳")), StringComparison.Ordinal);
        Assert.Contains("欢迎王芳加入", Assert.Single(await web.SayAsync("是")), StringComparison.Ordinal);
        Assert.NotEqual((await teams.MemberAsync())!.Id, (await web.MemberAsync())!.Id);
    }

    [Fact]
    public async Task AOneTimeLinkCodeFromTheKnownAccountLinksANewAccountOnce()
    {
        var (app, client) = await BotChat.StartAppAsync();
        await using var _ = app;
        using var __ = client;
        var branch = await ChatBranch.CreateAsync(app);
        var teams = await JoinedAsync(branch, BotChat.For(app, client));
        var web = BotChat.For(app, client, userId: "web-user-9", userName: "芳", channelId: "webchat");

        Assert.Contains("请在那个账号上发“绑定”", Assert.Single(await web.SayAsync("绑定")), StringComparison.Ordinal);
        var code = LinkCodeIn(Assert.Single(await teams.SayAsync("绑定")));
        Assert.Equal("好了，这个账号和王芳连上了，积分是同一份。", Assert.Single(await web.SayAsync($"绑定 {code}")));
        Assert.Equal((await teams.MemberAsync())!.Id, (await web.MemberAsync())!.Id);
        Assert.Contains("您已经加入了", Assert.Single(await web.SayAsync($"绑定 {code}")), StringComparison.Ordinal);

        // Used once: a third account cannot reuse it.
        var third = BotChat.For(app, client, userId: "web-user-11", userName: "someone", channelId: "webchat");
        Assert.StartsWith("这个绑定码不对或已过期", Assert.Single(await third.SayAsync($"绑定 {code}")), StringComparison.Ordinal);
        Assert.Null(await third.MemberAsync());
    }

    [Fact]
    public async Task ALinkCodeExpiresAfterTenMinutesAndIsReplacedByANewOne()
    {
        var (app, client) = await BotChat.StartAppAsync();
        await using var _ = app;
        using var __ = client;
        var branch = await ChatBranch.CreateAsync(app);
        var teams = await JoinedAsync(branch, BotChat.For(app, client));
        var web = BotChat.For(app, client, userId: "web-user-9", userName: "芳", channelId: "webchat");

        var first = LinkCodeIn(Assert.Single(await teams.SayAsync("绑定")));
        var second = LinkCodeIn(Assert.Single(await teams.SayAsync("绑定")));

        // Codes are drawn at random: one in a million times the new one equals the old; ask again then.
        for (var again = 0; again < 3 && second == first; again++)
        {
            second = LinkCodeIn(Assert.Single(await teams.SayAsync("绑定")));
        }

        Assert.NotEqual(first, second);
        Assert.StartsWith("这个绑定码不对或已过期", Assert.Single(await web.SayAsync($"绑定 {first}")), StringComparison.Ordinal);

        app.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.StartsWith("这个绑定码不对或已过期", Assert.Single(await web.SayAsync($"绑定 {second}")), StringComparison.Ordinal);
        Assert.Null(await web.MemberAsync());

        // And not sooner: a fresh code still works a second before its ten minutes are up.
        var third = LinkCodeIn(Assert.Single(await teams.SayAsync("绑定")));
        app.Time.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));
        Assert.Equal("好了，这个账号和王芳连上了，积分是同一份。", Assert.Single(await web.SayAsync($"绑定 {third}")));
        Assert.Equal((await teams.MemberAsync())!.Id, (await web.MemberAsync())!.Id);
    }

    [Fact]
    public async Task RepeatedWrongLinkCodesFromOneAccountAreThrottled()
    {
        var (app, client) = await BotChat.StartAppAsync();
        await using var _ = app;
        using var __ = client;
        var branch = await ChatBranch.CreateAsync(app);
        var teams = await JoinedAsync(branch, BotChat.For(app, client));
        var guesser = BotChat.For(app, client, userId: "web-user-9", userName: "x", channelId: "webchat");

        var code = LinkCodeIn(Assert.Single(await teams.SayAsync("绑定")));
        var wrong = code == "111111" ? "222222" : "111111";
        for (var i = 0; i < ILinkCodes.MaxFailures; i++)
        {
            Assert.StartsWith("这个绑定码不对或已过期", Assert.Single(await guesser.SayAsync($"绑定 {wrong}")), StringComparison.Ordinal);
        }

        // Even the right code waits now.
        Assert.Equal("试错次数太多了，请过一刻钟再试。", Assert.Single(await guesser.SayAsync($"绑定 {code}")));
        Assert.Null(await guesser.MemberAsync());

        app.Time.Advance(ILinkCodes.FailureWindow);
        code = LinkCodeIn(Assert.Single(await teams.SayAsync("绑定")));
        Assert.StartsWith("好了，这个账号和王芳连上了", Assert.Single(await guesser.SayAsync($"绑定 {code}")), StringComparison.Ordinal);
    }

    private static string LinkCodeIn(string reply)
    {
        var match = System.Text.RegularExpressions.Regex.Match(reply, "绑定码：(?<code>[0-9]{6})");
        Assert.True(match.Success, reply);
        return match.Groups["code"].Value;
    }

    [Fact]
    public async Task AWrongJoinCodeIsRefusedPolitely()
    {
        var (app, client) = await BotChat.StartAppAsync();
        await using var _ = app;
        using var __ = client;
        await ChatBranch.CreateAsync(app);
        var chat = BotChat.For(app, client);

        Assert.Equal(MemberTexts.Chinese.UnknownCode, Assert.Single(await chat.SayAsync("加入 000000")));
        Assert.Null(await chat.MemberAsync());
    }

    [Fact]
    public async Task AnEnglishSpeakerIsAnsweredInEnglish()
    {
        var (app, client) = await BotChat.StartAppAsync();
        await using var _ = app;
        using var __ = client;
        var branch = await ChatBranch.CreateAsync(app);
        var chat = BotChat.For(app, client, userName: "Wang Fang", locale: "en-US");

        Assert.StartsWith("Is your name \"Wang Fang\"?", Assert.Single(await chat.SayAsync($"join {branch.Code}")), StringComparison.Ordinal);
        Assert.StartsWith("Welcome to 山岔村党支部, Wang Fang!", Assert.Single(await chat.SayAsync("yes")), StringComparison.Ordinal);
        Assert.StartsWith("Send a photo", Assert.Single(await chat.SayAsync("report cleared snow at the village gate yesterday afternoon")), StringComparison.Ordinal);
        var summary = Assert.Single(await chat.SayAsync("skip"));
        Assert.Contains("When: Nov 25", summary, StringComparison.Ordinal);
        Assert.Contains("Where: village gate", summary, StringComparison.Ordinal);
        Assert.Contains("Item: Clearing snow from the roads, 1 point", summary, StringComparison.Ordinal);
        Assert.StartsWith("Submitted as no.", Assert.Single(await chat.SayAsync("submit")), StringComparison.Ordinal);
    }
}
