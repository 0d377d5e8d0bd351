using ChatReport.Bot.Storage.Connections;
using ChatReport.Bot.Notices;
using ChatReport.Bot.Tests.Digests;
using ChatReport.Bot.Tests.Storage;
using ChatReport.Conversation.Domain;
using ChatReport.Conversation.Notices;
using static ChatReport.Bot.Tests.Digests.DigestHarness;

namespace ChatReport.Bot.Tests.Notices;

public sealed class QuarterNoticeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task TheFourthQuarterNoticeHasEveryMembersAdditionsDeductionsAndTotalsWithTheItems(StorageProvider provider)
    {
        using var db = new TestDatabase(now: Utc(8, 1, 1), provider: provider);
        var s = await NoticeScenario.CreateAsync(db);

        var notice = (await s.Service.BuildAsync(s.Branch.Unit.Id, 2026, 4, Ct))!;

        Assert.Equal((new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31)), (notice.Days.First, notice.Days.Last));
        Assert.Null(notice.SignOff);
        // rank, name, base, additions, deductions, quarter total, year to date
        Assert.Equal(
            [
                (1, "李四", 0, 10, 0, 10, 70),
                (2, "张三", 0, -3, 0, -3, 62),
                (3, "李书记", 0, 0, 0, 0, 60),
                (4, "王五", 0, 0, 5, -5, 55),
            ],
            notice.Rows.Select(r => (r.Rank, r.DisplayName, r.BasePoints, r.Additions, r.Deductions, r.QuarterTotal, r.CycleTotal)));
        var zhang = notice.Rows.Single(r => r.MemberId == s.Zhang.Id);
        Assert.Equal(
            [
                (new DateOnly(2026, 8, 10), LedgerKind.Reversal, -5, "义务理发：重复申报", (long?)s.Haircut.Id, 3),
                (new DateOnly(2026, 10, 8), LedgerKind.Bonus, 2, "志愿服务：敬老院志愿服务,打扫院子", null, 0),
            ],
            zhang.Items.Select(i => (i.OccurredOn, i.Kind, i.Points, i.What.Chinese, i.Corrects?.EntryId, i.Corrects?.Quarter ?? 0)));
        Assert.Equal("无故缺席组织生活：无故缺席主题党日", Assert.Single(notice.Rows.Single(r => r.MemberId == s.Wang.Id).Items).What.Chinese);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task TheThirdQuarterNoticeCountsBasePointsOnlyInTheQuarterTheyWereBookedAndRanksTiesAlike(StorageProvider provider)
    {
        using var db = new TestDatabase(now: Utc(8, 1, 1), provider: provider);
        var s = await NoticeScenario.CreateAsync(db);

        var notice = (await s.Service.BuildAsync(s.Branch.Unit.Id, 2026, 3, Ct))!;

        Assert.Equal(s.Branch.Secretary.Id, notice.SignOff!.SignedBy);
        Assert.Equal(("李书记", new DateOnly(2026, 10, 5)), (notice.SignedByName, notice.SignedOn));
        // The reversal of the August haircut is in the fourth quarter: the locked third is unchanged.
        Assert.Equal(
            [(1, "张三", 5, 65), (2, "李书记", 0, 60), (2, "李四", 0, 60), (2, "王五", 0, 60)],
            notice.Rows.Select(r => (r.Rank, r.DisplayName, r.Additions, r.CycleTotal)));
        var first = (await s.Service.BuildAsync(s.Branch.Unit.Id, 2026, 1, Ct))!;
        Assert.All(first.Rows, r => Assert.Equal((60, 60), (r.BasePoints, r.QuarterTotal)));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task OnlyTheSecretarySignsOffAndOnlyAQuarterThatHasEnded(StorageProvider provider)
    {
        using var db = new TestDatabase(now: Utc(8, 1, 1), provider: provider);
        var s = await NoticeScenario.CreateAsync(db);
        var unit = s.Branch.Unit.Id;

        Assert.Equal(NoticeSignOffStatus.QuarterNotOver, (await s.Service.SignOffAsync(unit, 2026, 4, s.Branch.Secretary.Id, Ct)).Status);
        db.Time.SetUtcNow(Utc(1, 2, 2, year: 2027));
        Assert.Equal(NoticeSignOffStatus.NotSecretary, (await s.Service.SignOffAsync(unit, 2026, 4, s.Zhang.Id, Ct)).Status);
        Assert.Equal(NoticeSignOffStatus.NoSuchQuarter, (await s.Service.SignOffAsync(unit, 2025, 4, s.Branch.Secretary.Id, Ct)).Status);
        Assert.Null(await s.Harness.Stores.Cycles.FindSignOffAsync(unit, 2026, 4, Ct));

        var outcome = await s.Service.SignOffAsync(unit, 2026, 4, s.Branch.Secretary.Id, Ct);

        Assert.Equal((NoticeSignOffStatus.SignedOff, 1), (outcome.Status, outcome.GroupsPosted));
        Assert.Equal("李书记", outcome.Notice!.SignedByName);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task SigningOffLocksTheQuarterPostsTheNoticeToTheGroupsOnceAndLaterApprovalsGoToTheNextQuarter(StorageProvider provider)
    {
        using var db = new TestDatabase(now: Utc(8, 1, 1), provider: provider);
        var s = await NoticeScenario.CreateAsync(db);
        var h = s.Harness;
        // The third quarter was signed off on 5 October in the scenario; its notice reached the group then.
        var posted = Assert.Single(h.Messenger.To(s.Group));
        Assert.Equal(
            """
            【山岔村党支部】2026年第3季度积分公示
            1. 张三 65分（本季+5 −0）
            2. 李书记 60分（本季+0 −0）
            2. 李四 60分（本季+0 −0）
            2. 王五 60分（本季+0 −0）

            李书记已于2026年10月5日签字确认。欢迎群众监督。
            公示期：2026年10月6日至2026年10月12日，公示期满无异议即为最终结果。
            如有异议，请在公示期内私聊积分助手发送“异议 姓名 原因”（例如：异议 张三 10月8日未参加扫雪），或当面向支部书记反映。异议内容只有支部审核人员能看到。
            """.ReplaceLineEndings("\n"),
            posted.Text);

        // Signing again changes nothing and posts nothing.
        var again = await s.Service.SignOffAsync(s.Branch.Unit.Id, 2026, 3, s.Branch.Secretary.Id, Ct);
        Assert.Equal((NoticeSignOffStatus.AlreadySignedOff, 0), (again.Status, again.GroupsPosted));
        Assert.Single(h.Messenger.To(s.Group));

        // A September deed approved after the sign-off is booked into the fourth quarter.
        db.Time.SetUtcNow(Utc(11, 10, 2));
        var claim = await h.Stores.SubmitAsync(s.Li, "home_help", new DateOnly(2026, 9, 28), 2);
        var entry = await h.Stores.ApproveAsync(claim, s.Branch.Secretary);
        Assert.Equal(4, entry.Quarter);
        var third = (await s.Service.BuildAsync(s.Branch.Unit.Id, 2026, 3, Ct))!;
        Assert.Equal(60, third.Rows.Single(r => r.MemberId == s.Li.Id).CycleTotal);
        var fourth = (await s.Service.BuildAsync(s.Branch.Unit.Id, 2026, 4, Ct))!;
        Assert.Equal(12, fourth.Rows.Single(r => r.MemberId == s.Li.Id).Additions);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task ReviewersGetTheNoticeToCheckOnceAtTheDigestTimeAfterTheQuarterEnds(StorageProvider provider)
    {
        using var db = new TestDatabase(now: Utc(9, 1, 1), provider: provider);
        var h = await DigestHarness.CreateAsync(db);
        var branch = await h.Stores.CreateBranchAsync("张三");
        var secretaryChat = await h.AddPersonalChatAsync(branch.Secretary);
        var committee = await h.Stores.Members.AddMemberAsync(branch.Unit.Id, "王委员", null, Ct);
        await h.Stores.Members.GrantRoleAsync(branch.Unit.Id, committee.Id, Role.Committee, canReview: true, null, Ct);
        var committeeChat = await h.AddPersonalChatAsync(committee, channelId: "msteams", locale: "en-US");
        await h.ApproveAtAsync(branch, branch[0], "volunteer_service", Utc(9, 20, 2), 2);
        var service = h.NewNoticeService();

        db.Time.SetUtcNow(Utc(10, 1, 11, 59));
        await service.RunDueAsync(Ct);
        Assert.Empty(h.Messenger.Sent);

        db.Time.SetUtcNow(Utc(10, 1, 12, 1));
        await service.RunDueAsync(Ct);
        await service.RunDueAsync(Ct);

        var toSecretary = Assert.Single(h.Messenger.To(secretaryChat));
        Assert.StartsWith("【山岔村党支部】2026年第3季度积分公示\n1. 张三 62分（本季+2 −0）", toSecretary.Text, StringComparison.Ordinal);
        Assert.Contains("请核对。无误后请书记回复：签字确认 2026Q3", toSecretary.Text, StringComparison.Ordinal);
        var workbook = Assert.Single(toSecretary.Activity.Attachments!);
        Assert.Equal(NoticeExporter.XlsxContentType, workbook.ContentType);
        Assert.StartsWith($"data:{NoticeExporter.XlsxContentType};base64,UEsD", workbook.ContentUrl, StringComparison.Ordinal);
        var toCommittee = Assert.Single(h.Messenger.To(committeeChat));
        Assert.Contains("Please check it.", toCommittee.Text, StringComparison.Ordinal);
        Assert.Null(toCommittee.Activity.Attachments);
        Assert.All(await h.Notices.ListDeliveriesAsync(branch.Unit.Id, 2026, 3, Ct), d => Assert.Equal(("review", "sent"), (d.Purpose, d.Status)));
    }
}
