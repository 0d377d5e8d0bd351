using System.Text.Json;
using ChatReport.Bot.Notices;
using ChatReport.Bot.Storage.Domain;
using ChatReport.Bot.Tests.Support;
using ChatReport.Conversation.Domain;
using ChatReport.Conversation.Notices;
using ChatReport.Dialogs.Schema;
using static ChatReport.Bot.Tests.Groups.GroupWorld;

namespace ChatReport.Bot.Tests.Groups;

/// <summary>
/// The objection period through the real host and a fake clock: the secretary signs 2026Q3 off on
/// 26 November (20:00 Beijing), so objections are open until 3 December; members object, the
/// reviewers resolve them both ways, and the quarter becomes final only after that day with
/// nothing open.
/// </summary>
public sealed class ObjectionChatTests
{
    private static readonly ObjectionTexts Zh = ObjectionTexts.Chinese;
    private static readonly ChannelAccount Wang = ChatRoom.Person("29:wang", "王芳");

    [Fact]
    public async Task MembersObjectReviewersUpholdAndDismissAndTheQuarterIsFinalOnlyAfterThePeriodWithNothingOpen()
    {
        await using var world = await GroupWorld.CreateAsync();
        var members = world.App.Get<IMemberDirectory>();
        var unit = world.Branch.Unit.Id;
        var wang = await members.AddMemberAsync(unit, "王芳", null, Token);
        await members.LinkAccountAsync(wang.Id, "msteams", Wang.Id!, Wang.Name, Token);
        var zhang = (await members.FindByAccountAsync("msteams", Zhang.Id!, Token))!;
        var haircut = await ApprovedInThirdQuarterAsync(world, zhang, "free_haircut", 5);
        var greening = await ApprovedInThirdQuarterAsync(world, zhang, "greening_zone", 10);

        var secretary = world.Personal();
        var wangChat = world.Personal();
        var committeeChat = world.Personal();
        var zhangChat = world.Personal();
        // Each says something first, so the bot has their personal chats for later notices.
        foreach (var (chat, who) in new[] { (secretary, Secretary), (wangChat, Wang), (committeeChat, Committee), (zhangChat, Zhang) })
        {
            await chat.SayAsync(who, "帮助");
        }

        // Before the sign-off there is nothing to object to.
        Assert.Equal(Zh.NoOpenNotice, LastOf(await wangChat.SayAsync(Wang, "异议 张三 8月没有理发")));
        var zhGroup = world.Group();
        var enGroup = world.Group();
        await zhGroup.SayAsync(Secretary, "订阅日报");
        await enGroup.SayAsync(Committee, "subscribe", "en-US");
        await secretary.SayAsync(Secretary, "签字确认 2026Q3");
        var posting = world.App.Connector.Requests.Count;
        await secretary.SayAsync(Secretary, "是");

        // The notice in each group says, in the group's language, until when and how to object.
        var zhNotice = TextsTo(world, zhGroup, posting).Single();
        Assert.Contains("公示期：2026年11月27日至2026年12月3日，公示期满无异议即为最终结果。", zhNotice, StringComparison.Ordinal);
        Assert.Contains("私聊积分助手发送“异议 姓名 原因”（例如：异议 张三 ", zhNotice, StringComparison.Ordinal);
        var enNotice = TextsTo(world, enGroup, posting).Single();
        Assert.Contains("Open for objections from 27 November 2026 to 3 December 2026", enNotice, StringComparison.Ordinal);
        Assert.Contains("\"object <name> <reason>\"", enNotice, StringComparison.Ordinal);

        // 王芳 objects to 张三's line; 张三 himself objects to an item (the haircut, booked twice).
        var sent = world.App.Connector.Requests.Count;
        var filed = LastOf(await wangChat.SayAsync(Wang, "异议 张三 8月10日他不在村里，理发是别人做的"));
        Assert.StartsWith("已收到您的异议（第1号，对张三2026年第3季度的积分）", filed, StringComparison.Ordinal);
        Assert.EndsWith("公示期到12月3日。", filed, StringComparison.Ordinal);
        Assert.Contains("王芳 对 张三", TextsTo(world, secretary, sent).Single(), StringComparison.Ordinal);
        Assert.Contains("王芳 对 张三", TextsTo(world, committeeChat, sent).Single(), StringComparison.Ordinal);
        Assert.Empty(TextsTo(world, zhangChat, sent));
        Assert.StartsWith("已收到您的异议（第2号", LastOf(await zhangChat.SayAsync(Zhang, $"异议 #{haircut.Id} 这次理发报了两遍")), StringComparison.Ordinal);
        Assert.Equal(Zh.NoSuchMember("李四"), LastOf(await wangChat.SayAsync(Wang, "异议 李四 不认识")));
        Assert.Equal(Zh.ObjectUsage, LastOf(await wangChat.SayAsync(Wang, "异议")));
        Assert.Equal(Zh.ObjectUsage, Assert.Single(await world.Group().SayAsync(Wang, "异议 张三 群里说的")));

        // The reviewers see each objection with the items it concerns.
        var list = LastOf(await secretary.SayAsync(Secretary, "异议列表"));
        Assert.StartsWith(Zh.ListHeader(2), list, StringComparison.Ordinal);
        Assert.Contains($"#{haircut.Id} ", list, StringComparison.Ordinal);
        Assert.Contains($"#{greening.Id} ", list, StringComparison.Ordinal);

        // A plain member cannot resolve; a whole-line objection needs the points; then both ways.
        Assert.Equal(Zh.NotAllowed, LastOf(await wangChat.SayAsync(Wang, "异议驳回 1 不成立")));
        Assert.Equal(Zh.NeedsPoints(1), LastOf(await secretary.SayAsync(Secretary, "异议成立 1 查实")));
        sent = world.App.Connector.Requests.Count;
        Assert.Equal("第1号异议已驳回，原因已告诉提出人。", LastOf(await secretary.SayAsync(Secretary, "异议驳回 1 有村民作证理发是他做的")));
        Assert.Equal("您提出的第1号异议（对张三的积分）未被采纳，原因：有村民作证理发是他做的", TextsTo(world, wangChat, sent).Single());
        Assert.StartsWith("第1号异议已经处理过了（驳回", LastOf(await committeeChat.SayAsync(Committee, "异议成立 1 -5 再看")), StringComparison.Ordinal);

        sent = world.App.Connector.Requests.Count;
        Assert.Equal("第2号异议成立，已给张三记入更正 -5 分，也告诉了提出人。", LastOf(await committeeChat.SayAsync(Committee, "异议成立 2 确系重复申报")));
        Assert.StartsWith("您提出的第2号异议（对张三的积分）成立：确系重复申报", TextsTo(world, zhangChat, sent).Single(), StringComparison.Ordinal);

        // The upheld correction is on the ledger, in the objected quarter, reversing the item.
        var correction = Assert.Single(
            await world.App.Get<ILedger>().ListEntriesAsync(zhang.Id, world.Branch.Cycle.Id, 3, Token),
            e => e.ReversesEntryId == haircut.Id);
        Assert.Equal((LedgerKind.Reversal, -5, 3), (correction.Kind, correction.Points, correction.Quarter));
        Assert.StartsWith("异议#2成立：确系重复申报", correction.Reason, StringComparison.Ordinal);
        var notice = (await world.App.Get<QuarterNoticeService>().BuildAsync(unit, 2026, 3, Token))!;
        Assert.Equal(10, notice.Rows.Single(r => r.MemberId == zhang.Id).Additions);

        // A third objection stays open past the period: no final, a reminder, then final once dismissed.
        Assert.StartsWith("已收到您的异议（第3号", LastOf(await wangChat.SayAsync(Wang, $"异议 #{greening.Id} 绿化区没人管")), StringComparison.Ordinal);
        var periods = world.App.Get<ObjectionPeriods>();
        var store = world.App.Get<ObjectionStore>();
        world.App.Time.Fake.SetUtcNow(new DateTimeOffset(2026, 12, 3, 15, 0, 0, TimeSpan.Zero));
        Assert.Empty((await periods.RunDueAsync(Token)).Finalised);
        Assert.Equal((new DateOnly(2026, 12, 3), false, 1), (await store.FindPeriodAsync(unit, new QuarterId(2026, 3), Token))!.Value);

        world.App.Time.Fake.SetUtcNow(new DateTimeOffset(2026, 12, 3, 16, 5, 0, TimeSpan.Zero));
        sent = world.App.Connector.Requests.Count;
        var round = await periods.RunDueAsync(Token);
        await world.App.SettleAsync();
        Assert.Empty(round.Finalised);
        Assert.Equal(Zh.Reminder(new QuarterId(2026, 3), 1), TextsTo(world, secretary, sent).Single());
        Assert.Empty((await periods.RunDueAsync(Token)).Remind);
        Assert.Equal(Zh.NoOpenNotice, LastOf(await wangChat.SayAsync(Wang, "异议 张三 又想起一件事")));

        await secretary.SayAsync(Secretary, "异议驳回 3 绿化区每周都有人打扫");
        var final = Assert.Single((await periods.RunDueAsync(Token)).Finalised);
        Assert.Equal((unit, new QuarterId(2026, 3)), (final.UnitId, final.Quarter));
        Assert.True((await store.FindPeriodAsync(unit, new QuarterId(2026, 3), Token))!.Value.IsFinal);
        Assert.Empty((await periods.RunDueAsync(Token)).Finalised);

        // Everything is in the audit log.
        var audit = world.App.Get<IAuditTrail>();
        Assert.Equal(["objection.file", "objection.dismiss"], (await audit.ListForSubjectAsync("objection", "1", Token)).Select(a => a.Action));
        Assert.Equal(["objection.file", "objection.uphold"], (await audit.ListForSubjectAsync("objection", "2", Token)).Select(a => a.Action));
        Assert.Contains("quarter.final", (await audit.ListForSubjectAsync(AuditSubjects.Quarter, $"{unit}/2026Q3", Token)).Select(a => a.Action));
    }

    private static async Task<LedgerEntry> ApprovedInThirdQuarterAsync(GroupWorld world, Member member, string rule, int points)
    {
        var claims = world.App.Get<IClaimBook>();
        var ruleId = (await world.App.Get<IRuleBook>().FindByCodeAsync(rule, Token))!.Id;
        var submitted = await claims.SubmitAsync(
            new ClaimRequest(member.Id, ruleId, world.App.Time.GetUtcNow(), new DateOnly(2026, 8, 10), "村口", "做了好事", points, null, new ActivityKey("test", "q3", rule), []),
            Token);
        var decided = await claims.DecideAsync(new ReviewRequest(submitted.Claim!.Id, world.Branch.Secretary.Id, ReviewAction.Approve), Token);
        return decided.Entry!;
    }

    // A personal chat's post returns what the bot sent there since the last one: notices from
    // other people's turns first, the reply last.
    private static string LastOf(IReadOnlyList<string> sent)
    {
        Assert.NotEmpty(sent);
        return sent[^1];
    }

    private static List<string> TextsTo(GroupWorld world, ChatRoom chat, int since) =>
        [.. world.App.Connector.Requests.Skip(since)
            .Select(r => r.Json)
            .Where(j => j.ValueKind == JsonValueKind.Object && j.TryGetProperty("conversation", out var c) && c.GetProperty("id").GetString() == chat.ConversationId)
            .Select(j => j.ReadText())];
}
