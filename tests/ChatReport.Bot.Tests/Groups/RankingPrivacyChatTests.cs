using ChatReport.Conversation.Domain;
using ChatReport.Conversation.Points;
using ChatReport.Dialogs.Schema;
using static ChatReport.Bot.Tests.Groups.GroupWorld;

namespace ChatReport.Bot.Tests.Groups;

/// <summary>
/// 排行榜设置 through the real host: the secretary narrows what members see of the ranking (the
/// full list, the first N with a tie at the Nth place, or their own place only); others are
/// refused, bad values explained, and every change audited.
/// </summary>
public sealed class RankingPrivacyChatTests
{
    private static readonly RankingSettingsTexts Zh = RankingSettingsTexts.Chinese;
    private static readonly ChannelAccount Wang = ChatRoom.Person("29:wang", "王芳");
    private static readonly ChannelAccount Li = ChatRoom.Person("29:li", "李四");
    private static readonly ChannelAccount Liu = ChatRoom.Person("29:liu", "刘五");

    [Fact]
    public async Task TheSecretaryChoosesTheFullListTheTopNWithItsTiesOrOwnPlaceOnlyAndMembersSeeJustThat()
    {
        await using var world = await GroupWorld.CreateAsync();
        var unit = world.Branch.Unit.Id;
        var members = world.App.Get<IMemberDirectory>();
        var zhang = (await members.FindByAccountAsync("msteams", Zhang.Id!, Token))!;
        var bonus = new List<(Member Member, int Points)> { (zhang, 5) };
        foreach (var (account, points) in new[] { (Wang, 10), (Li, 5), (Liu, 2) })
        {
            var member = await members.AddMemberAsync(unit, account.Name!, null, Token);
            await members.LinkAccountAsync(member.Id, "msteams", account.Id!, account.Name, Token);
            bonus.Add((member, points));
        }

        foreach (var (member, points) in bonus)
        {
            await ApprovedAsync(world, member, points);
        }

        // 王芳 first, 李四 and 张三 tied second, 刘五 fourth, the secretary and 赵委员 tied fifth.
        var quarter = await world.App.Get<ILedger>().GetStandingsAsync(unit, world.Branch.Cycle.Id, 4, Token);
        Assert.Equal(
            [("王芳", 1), ("张三", 2), ("李四", 2), ("刘五", 4), ("李书记", 5), ("赵委员", 5)],
            quarter.Select(s => (s.DisplayName, s.Rank)).OrderBy(s => s.Rank).ThenBy(s => s.DisplayName, StringComparer.Ordinal));
        var secretary = world.Personal();
        var liu = world.Personal();

        // The default is the full list, as before.
        var full = Assert.Single(await liu.SayAsync(Liu, "排行榜"));
        Assert.Equal(6, QuarterLines(full).Count(l => l.Length > 0 && char.IsAsciiDigit(l[0])));
        Assert.Contains("4. 刘五 ", full, StringComparison.Ordinal);
        Assert.DoesNotContain("（本支部", full, StringComparison.Ordinal);

        // 前2: the tie at second place is shown whole, 刘五 sees the list up to it and his own place.
        Assert.Equal(Zh.Saved("山岔村党支部", Zh.DescribeTop(2)), Assert.Single(await secretary.SayAsync(Secretary, "排行榜设置 前2")));
        var top = QuarterLines(Assert.Single(await liu.SayAsync(Liu, "排行榜")));
        Assert.Equal(["本季度（第4季度）排行：", "1. 王芳", "2. 张三", "2. 李四", "您：第 4 名"], top.Select(Prefix));
        var topText = Assert.Single(await liu.SayAsync(Liu, "排名"));
        Assert.EndsWith(Zh.TopNote(2), topText, StringComparison.Ordinal);
        Assert.DoesNotContain("刘五", topText, StringComparison.Ordinal);

        // 仅本人 (said in English by the secretary): only one's own place, in both sections.
        Assert.Equal(
            RankingSettingsTexts.English.Saved("山岔村党支部", RankingSettingsTexts.English.DescribeOwn),
            Assert.Single(await secretary.SayAsync(Secretary, "ranking settings own", "en-US")));
        var own = Assert.Single(await liu.SayAsync(Liu, "排行榜"));
        Assert.Equal(["本季度（第4季度）排行：", "您：第 4 名"], QuarterLines(own).Select(Prefix));
        Assert.DoesNotContain("王芳", own, StringComparison.Ordinal);
        Assert.EndsWith(Zh.OwnNote, own, StringComparison.Ordinal);
        var ownTie = QuarterLines(Assert.Single(await world.Personal().SayAsync(Zhang, "排行榜")));
        Assert.Equal(["本季度（第4季度）排行：", "您：第 2 名"], ownTie.Select(Prefix));

        // Asked without a value, the secretary hears the setting; then back to the full list.
        Assert.StartsWith(Zh.Current("山岔村党支部", Zh.DescribeOwn), Assert.Single(await secretary.SayAsync(Secretary, "排行榜设置")), StringComparison.Ordinal);
        Assert.Equal(Zh.Saved("山岔村党支部", Zh.DescribeAll), Assert.Single(await secretary.SayAsync(Secretary, "排行榜设置 全部")));
        Assert.Contains("1. 王芳 ", Assert.Single(await liu.SayAsync(Liu, "排行榜")), StringComparison.Ordinal);

        // Every change is in the audit log, with what it replaced.
        var audit = await world.App.Get<IAuditTrail>().ListForSubjectAsync("ranking_settings", $"{unit}", Token);
        Assert.Equal(["ranking.settings", "ranking.settings", "ranking.settings"], audit.Select(a => a.Action));
        Assert.Contains("top:2", audit[0].AfterJson!, StringComparison.Ordinal);
        Assert.Contains("own", audit[1].AfterJson!, StringComparison.Ordinal);
        Assert.Contains("top:2", audit[1].BeforeJson!, StringComparison.Ordinal);
        Assert.All(audit, a => Assert.Equal(world.Branch.Secretary.Id, a.ActorId));
    }

    [Fact]
    public async Task OnlyTheSecretaryMayChangeItAndBadValuesGetAClearAnswer()
    {
        await using var world = await GroupWorld.CreateAsync();
        var secretary = world.Personal();

        Assert.Equal(Zh.NotSecretary, Assert.Single(await world.Personal().SayAsync(Zhang, "排行榜设置 仅本人")));
        Assert.Equal(Zh.NotSecretary, Assert.Single(await world.Personal().SayAsync(Committee, "排行榜设置 前3")));
        Assert.StartsWith("您还没有加入支部", Assert.Single(await world.Personal().SayAsync(Stranger, "排行榜设置 前3")), StringComparison.Ordinal);
        Assert.Equal(RankingSettingsTexts.English.NotSecretary, Assert.Single(await world.Personal().SayAsync(Zhang, "ranking settings all", "en-US")));
        foreach (var bad in new[] { "前0", "前101", "前几名", "一半", "top ten" })
        {
            Assert.Equal(Zh.Unreadable(bad), Assert.Single(await secretary.SayAsync(Secretary, $"排行榜设置 {bad}")));
        }

        Assert.Equal(RankingSettingsTexts.English.Unreadable("top -1"), Assert.Single(await secretary.SayAsync(Secretary, "ranking settings top -1", "en-US")));
        Assert.Equal(RankingPrivacy.Default, await world.App.Get<IRankingSettings>().GetAsync(world.Branch.Unit.Id, Token));
        Assert.Empty(await world.App.Get<IAuditTrail>().ListForSubjectAsync("ranking_settings", $"{world.Branch.Unit.Id}", Token));

        // The command is in the reviewers' help menu, not the members'.
        Assert.Contains(Zh.HelpLine, Assert.Single(await secretary.SayAsync(Secretary, "帮助")), StringComparison.Ordinal);
        Assert.DoesNotContain(Zh.HelpLine, Assert.Single(await world.Personal().SayAsync(Zhang, "帮助")), StringComparison.Ordinal);
    }

    // The quarter's section: the lines before the blank line that ends it.
    private static List<string> QuarterLines(string ranking) => [.. ranking.Split('\n').TakeWhile(l => l.Length > 0)];

    // A ranking line without its points ("2. 李四 65 分" → "2. 李四"; "您：第 4 名，62 分" → "您：第 4 名").
    private static string Prefix(string line) =>
        line.StartsWith("您：", StringComparison.Ordinal) ? line.Split('，')[0]
        : line.Length > 0 && char.IsAsciiDigit(line[0]) ? string.Join(' ', line.Split(' ').Take(2))
        : line;

    private static async Task ApprovedAsync(GroupWorld world, Member member, int points)
    {
        var claims = world.App.Get<IClaimBook>();
        var ruleId = (await world.App.Get<IRuleBook>().FindByCodeAsync("volunteer_service", Token))!.Id;
        var submitted = await claims.SubmitAsync(
            new ClaimRequest(member.Id, ruleId, world.App.Time.GetUtcNow(), new DateOnly(2026, 11, 20), "村口", "做了好事", points, null, new ActivityKey("test", "q4", $"{member.Id}"), []),
            Token);
        var decided = await claims.DecideAsync(new ReviewRequest(submitted.Claim!.Id, world.Branch.Secretary.Id, ReviewAction.Approve), Token);
        Assert.Equal(ClaimChangeStatus.Done, decided.Status);
    }
}
