using ChatReport.Bot.Notices;
using ChatReport.Bot.Storage.Channels;
using ChatReport.Bot.Tests.Digests;
using ChatReport.Bot.Tests.Storage;
using ChatReport.Conversation.Domain;
using ChatReport.Conversation.Notices;
using static ChatReport.Bot.Tests.Digests.DigestHarness;

namespace ChatReport.Bot.Tests.Notices;

/// <summary>
/// A branch's 2026 with numbers worked out by hand: base 60 each (first quarter); 张三 +5 for a
/// haircut in August; the third quarter signed off on 5 October; then 张三 +2 volunteering,
/// 李四 +10 greening, 王五 −5 for absence, and 张三's August haircut reversed (booked into the
/// fourth quarter, because the third is locked).
/// </summary>
public sealed record NoticeScenario(DigestHarness Harness, TestBranch Branch, GroupAddress Group, QuarterNoticeService Service, LedgerEntry Haircut)
{
    public Member Zhang => Branch[0];

    public Member Li => Branch[1];

    public Member Wang => Branch[2];

    public static async Task<NoticeScenario> CreateAsync(TestDatabase db, string? thirdMemberName = null)
    {
        var ct = TestContext.Current.CancellationToken;
        var h = await DigestHarness.CreateAsync(db);
        var branch = await h.Stores.CreateBranchAsync("张三", "李四", thirdMemberName ?? "王五");
        var group = await h.AddGroupAsync(branch.Unit.Id, "group", channelId: "telegram");
        var service = h.NewNoticeService();
        var haircut = await h.ApproveAtAsync(branch, branch[0], "free_haircut", Utc(8, 10, 2), 5, "给村里老人理发");

        db.Time.SetUtcNow(Utc(10, 5, 2));
        var signed = await service.SignOffAsync(branch.Unit.Id, 2026, 3, branch.Secretary.Id, ct);
        Assert.Equal(NoticeSignOffStatus.SignedOff, signed.Status);

        await h.ApproveAtAsync(branch, branch[0], "volunteer_service", Utc(10, 8, 2), 2, "敬老院志愿服务,打扫院子");
        await h.ApproveAtAsync(branch, branch[1], "greening_zone", Utc(10, 20, 2), 10);
        db.Time.SetUtcNow(Utc(11, 3, 2));
        var absent = await h.Stores.RuleAsync("absent_without_reason");
        Assert.Equal(
            LedgerRecordingStatus.Recorded,
            (await h.Stores.Ledger.RecordDeductionAsync(new DeductionRequest(branch[2].Id, 5, "无故缺席主题党日", branch.Secretary.Id, new DateOnly(2026, 11, 3), absent.Id), ct)).Status);
        db.Time.SetUtcNow(Utc(11, 5, 2));
        var reversal = await h.Stores.Ledger.ReverseAsync(new ReversalRequest(haircut.Id, "重复申报", branch.Secretary.Id), ct);
        Assert.Equal((LedgerRecordingStatus.Recorded, 4), (reversal.Status, reversal.Entry!.Quarter));
        return new NoticeScenario(h, branch, group, service, haircut);
    }
}
