using ChatReport.Bot.Storage.Connections;
using ChatReport.Bot.Digests;
using ChatReport.Bot.Storage.Channels;
using ChatReport.Bot.Storage.Schedules;
using ChatReport.Bot.Tests.Storage;
using ChatReport.Conversation.Domain;
using static ChatReport.Bot.Tests.Digests.DigestHarness;

namespace ChatReport.Bot.Tests.Digests;

public sealed partial class DigestDispatcherTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task EachBranchGetsItsDigestAtEightInTheEveningOnItsOwnClock(StorageProvider provider)
    {
        using var db = new TestDatabase(now: Utc(11, 26, 1), provider: provider);
        var h = await DigestHarness.CreateAsync(db);
        var shanghai = await h.Stores.CreateBranchAsync("王学恩");
        var urumqi = await h.Stores.CreateBranchAsync("艾力");
        var london = await h.Stores.CreateBranchAsync("Tom");
        await h.Settings.SetAsync(new BranchDigestSettings(urumqi.Unit.Id, TimeZone: "Asia/Urumqi"), null, Ct);
        await h.Settings.SetAsync(new BranchDigestSettings(london.Unit.Id, TimeZone: "Europe/London"), null, Ct);
        var shanghaiGroup = await h.AddGroupAsync(shanghai.Unit.Id, "group-shanghai");
        var urumqiGroup = await h.AddGroupAsync(urumqi.Unit.Id, "group-urumqi");
        var londonGroup = await h.AddGroupAsync(london.Unit.Id, "group-london", locale: "en-GB");
        await h.ApproveAtAsync(shanghai, shanghai[0], "volunteer_service", Utc(11, 26, 2), 2);
        await h.ApproveAtAsync(urumqi, urumqi[0], "volunteer_service", Utc(11, 26, 2, 1), 2);
        await h.ApproveAtAsync(london, london[0], "volunteer_service", Utc(11, 26, 2, 2), 2);
        var dispatcher = h.NewDispatcher();

        // 20:00 in Shanghai is 12:00 UTC; in Urumqi (UTC+6) 14:00 UTC; in London in November 20:00 UTC.
        var expected = new (DateTimeOffset Before, DateTimeOffset After, GroupAddress Group)[]
        {
            (Utc(11, 26, 11, 59), Utc(11, 26, 12, 1), shanghaiGroup),
            (Utc(11, 26, 13, 59), Utc(11, 26, 14, 1), urumqiGroup),
            (Utc(11, 26, 19, 59), Utc(11, 26, 20, 1), londonGroup),
        };
        var sentSoFar = 0;
        foreach (var (before, after, group) in expected)
        {
            db.Time.SetUtcNow(before);
            await dispatcher.RunDueAsync(Ct);
            Assert.Equal(sentSoFar, h.Messenger.Sent.Count);

            db.Time.SetUtcNow(after);
            await dispatcher.RunDueAsync(Ct);
            var sent = Assert.Single(h.Messenger.To(group));
            Assert.Equal(after, sent.At);
            sentSoFar++;
            Assert.Equal(sentSoFar, h.Messenger.Sent.Count);
        }

        Assert.Contains("11月26日", h.Messenger.To(urumqiGroup)[0].Text, StringComparison.Ordinal);
        Assert.Contains("Nov 26", h.Messenger.To(londonGroup)[0].Text, StringComparison.Ordinal);
        Assert.Contains("Tom Volunteer service +2", h.Messenger.To(londonGroup)[0].Text, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task TheDigestListsNewDeedsPublishedDeductionsTheTopThreeOpenTasksAndWaitingClaims(StorageProvider provider)
    {
        using var db = new TestDatabase(now: Utc(10, 1, 1), provider: provider);
        var h = await DigestHarness.CreateAsync(db);
        var branch = await h.Stores.CreateBranchAsync("张三", "李四", "王五", "赵六");
        var (zhang, li, wang, zhao) = (branch[0], branch[1], branch[2], branch[3]);
        // Earlier in the fourth quarter, before the group subscribed: in the top three, not in the news.
        await h.ApproveAtAsync(branch, zhang, "greening_zone", Utc(10, 10, 2), 10);
        await h.ApproveAtAsync(branch, li, "free_haircut", Utc(10, 12, 2), 5);
        await h.ApproveAtAsync(branch, wang, "volunteer_service", Utc(10, 15, 2), 2);
        db.Time.SetUtcNow(Utc(11, 20, 0));
        var group = await h.AddGroupAsync(branch.Unit.Id, "group-1", channelId: "telegram");
        await h.Settings.SetAsync(new BranchDigestSettings(branch.Unit.Id, PublishDeductions: true), null, Ct);
        // Today's news.
        await h.ApproveAtAsync(branch, zhang, "snow_clearing", Utc(11, 26, 3), 1);
        await h.ApproveAtAsync(branch, zhao, "volunteer_service", Utc(11, 26, 5), 2);
        var absent = await h.Stores.RuleAsync("absent_without_reason");
        var deduction = await h.Stores.Ledger.RecordDeductionAsync(
            new DeductionRequest(wang.Id, 5, "两次无故缺席", branch.Secretary.Id, new DateOnly(2026, 11, 26), absent.Id), Ct);
        Assert.Equal(LedgerRecordingStatus.Recorded, deduction.Status);
        await h.Stores.SubmitAsync(li, "home_help", new DateOnly(2026, 11, 26), 2);
        var task = await h.Stores.Tasks.PostAsync(new NewServiceTask(branch.Unit.Id, "清扫村道", "村委会", Utc(11, 28, 1), 2, 3, branch.Secretary.Id), Ct);
        await h.Stores.Tasks.SignUpAsync(task.Id, zhao.Id, Ct);

        db.Time.SetUtcNow(Utc(11, 26, 12, 1));
        var report = await h.NewDispatcher().RunDueAsync(Ct);

        Assert.Equal((1, 1), (report.Due, report.Sent));
        var sent = Assert.Single(h.Messenger.To(group));
        Assert.Null(sent.Card);
        Assert.Equal(
            """
            【山岔村党支部】11月26日积分日报

            新增加分 2 条
            张三 铲除路面积雪 +1分
            赵六 志愿服务 +2分

            扣分 1 条
            王五 无故缺席组织生活 -5分

            11月每日积分（按做好事的日子）
            26日 -2；本月共-2分

            第4季度前三名
            1. 张三 11分
            2. 李四 5分
            3. 赵六 2分

            可报名的服务任务
            11月28日 09:00 清扫村道（村委会） 每人+2分，剩2个名额

            待审核 1 条，请书记处理。
            """.ReplaceLineEndings("\n"),
            sent.Text);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task CardChannelsGetAnAdaptiveCardWhoseFallbackIsTheText(StorageProvider provider)
    {
        using var db = new TestDatabase(now: Utc(11, 26, 1), provider: provider);
        var h = await DigestHarness.CreateAsync(db);
        var branch = await h.Stores.CreateBranchAsync("张三");
        var teams = await h.AddGroupAsync(branch.Unit.Id, "19:abc@thread.v2", channelId: "msteams");
        await h.ApproveAtAsync(branch, branch[0], "volunteer_service", Utc(11, 26, 3), 2);

        db.Time.SetUtcNow(Utc(11, 26, 12, 1));
        await h.NewDispatcher().RunDueAsync(Ct);

        var sent = Assert.Single(h.Messenger.To(teams));
        var card = Assert.NotNull(sent.Card);
        Assert.Equal("AdaptiveCard", card.GetProperty("type").GetString());
        Assert.Contains("张三 志愿服务 +2分", card.GetProperty("fallbackText").GetString(), StringComparison.Ordinal);
        Assert.Equal("【山岔村党支部】11月26日积分日报", sent.Activity.Summary);
        var facts = card.GetProperty("body").EnumerateArray().Where(b => b.GetProperty("type").GetString() == "FactSet").ToList();
        Assert.Contains(facts.SelectMany(f => f.GetProperty("facts").EnumerateArray()), f => f.GetProperty("title").GetString() == "张三" && f.GetProperty("value").GetString() == "志愿服务 +2分");
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task EmptyDaysAreSkippedAndRecordedUnlessTheBranchWantsThem(StorageProvider provider)
    {
        using var db = new TestDatabase(now: Utc(11, 26, 1), provider: provider);
        var h = await DigestHarness.CreateAsync(db);
        var quiet = await h.Stores.CreateBranchAsync("张三");
        var chatty = await h.Stores.CreateBranchAsync("李四");
        await h.Settings.SetAsync(new BranchDigestSettings(chatty.Unit.Id, SkipEmptyDays: false), null, Ct);
        var quietGroup = await h.AddGroupAsync(quiet.Unit.Id, "quiet");
        var chattyGroup = await h.AddGroupAsync(chatty.Unit.Id, "chatty", channelId: "telegram");

        db.Time.SetUtcNow(Utc(11, 26, 12, 1));
        var report = await h.NewDispatcher().RunDueAsync(Ct);

        Assert.Equal((2, 1, 1), (report.Due, report.Sent, report.Skipped));
        Assert.Empty(h.Messenger.To(quietGroup));
        Assert.Equal(DigestRunStatus.Skipped, (await h.Runs.FindAsync(quietGroup, new DateOnly(2026, 11, 26), Ct))!.Status);
        Assert.Contains("今天没有新的加分。", Assert.Single(h.Messenger.To(chattyGroup)).Text, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task DeductionsStayOutOfTheGroupUnlessTheBranchPublishesThem(StorageProvider provider)
    {
        using var db = new TestDatabase(now: Utc(11, 26, 1), provider: provider);
        var h = await DigestHarness.CreateAsync(db);
        var branch = await h.Stores.CreateBranchAsync("张三", "李四");
        var group = await h.AddGroupAsync(branch.Unit.Id, "group", channelId: "telegram");
        await h.ApproveAtAsync(branch, branch[0], "volunteer_service", Utc(11, 26, 3), 2);
        await h.Stores.Ledger.RecordDeductionAsync(new DeductionRequest(branch[1].Id, 5, "迟到", branch.Secretary.Id, new DateOnly(2026, 11, 26)), Ct);

        db.Time.SetUtcNow(Utc(11, 26, 12, 1));
        await h.NewDispatcher().RunDueAsync(Ct);

        var text = Assert.Single(h.Messenger.To(group)).Text;
        Assert.Contains("张三 志愿服务 +2分", text, StringComparison.Ordinal);
        Assert.DoesNotContain("李四", text, StringComparison.Ordinal);
        Assert.DoesNotContain("扣分", text, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task EachDigestReportsOnlyWhatWasApprovedSinceThePreviousOne(StorageProvider provider)
    {
        using var db = new TestDatabase(now: Utc(11, 25, 1), provider: provider);
        var h = await DigestHarness.CreateAsync(db);
        var branch = await h.Stores.CreateBranchAsync("张三", "李四");
        var group = await h.AddGroupAsync(branch.Unit.Id, "group", channelId: "telegram");
        var dispatcher = h.NewDispatcher();
        await h.ApproveAtAsync(branch, branch[0], "volunteer_service", Utc(11, 25, 11, 59), 2);
        db.Time.SetUtcNow(Utc(11, 25, 12, 1));
        await dispatcher.RunDueAsync(Ct);
        // Approved a minute after the first digest's instant: it belongs to the next one.
        await h.ApproveAtAsync(branch, branch[1], "free_haircut", Utc(11, 25, 12, 2), 5);

        db.Time.SetUtcNow(Utc(11, 26, 12, 1));
        await dispatcher.RunDueAsync(Ct);

        var sent = h.Messenger.To(group);
        Assert.Equal(2, sent.Count);
        Assert.Contains("张三 志愿服务", sent[0].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("李四 义务理发", sent[0].Text, StringComparison.Ordinal);
        Assert.Contains("李四 义务理发 +5分", sent[1].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("张三 志愿服务", sent[1].Text, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task FailedSendsAreRetriedWithBackoffThenRecordedAsFailedAndReportedToAdministrators(StorageProvider provider)
    {
        using var db = new TestDatabase(now: Utc(11, 26, 1), provider: provider);
        var h = await DigestHarness.CreateAsync(db);
        var branch = await h.Stores.CreateBranchAsync("张三");
        var broken = await h.AddGroupAsync(branch.Unit.Id, "broken");
        var fine = await h.AddGroupAsync(branch.Unit.Id, "fine");
        var admin = await h.Stores.Members.AddMemberAsync(branch.Committee.Id, "组织部小王", null, Ct);
        await h.Stores.Members.GrantRoleAsync(branch.Committee.Id, admin.Id, Role.Administrator, canReview: false, null, Ct);
        var adminChat = await h.AddPersonalChatAsync(admin);
        await h.ApproveAtAsync(branch, branch[0], "volunteer_service", Utc(11, 26, 3), 2);
        h.Messenger.FailWith = to => to == broken ? new HttpRequestException("502 Bad Gateway") : null;

        db.Time.SetUtcNow(Utc(11, 26, 12, 1));
        var report = await h.AdvanceUntilDoneAsync(() => h.NewDispatcher().RunDueAsync(Ct), TimeSpan.FromSeconds(1));

        Assert.Equal((1, 1), (report.Sent, report.Failed));
        var run = (await h.Runs.FindAsync(broken, new DateOnly(2026, 11, 26), Ct))!;
        Assert.Equal((DigestRunStatus.Failed, h.Options.MaxAttempts, "502 Bad Gateway"), (run.Status, run.Attempts, run.LastError));
        Assert.Single(h.Messenger.To(fine));
        var alert = Assert.Single(h.Messenger.To(adminChat)).Text;
        Assert.Contains("有 1 个群的积分日报发送失败", alert, StringComparison.Ordinal);
        Assert.Contains("broken · 502 Bad Gateway", alert, StringComparison.Ordinal);
        Assert.Single(await h.Runs.ListFailedAsync(Utc(11, 26, 0), Ct));

        // Not retried again that day; the next day's digest covers what the failed one missed.
        h.Messenger.FailWith = null;
        Assert.Equal(0, (await h.NewDispatcher().RunDueAsync(Ct)).Due);
        db.Time.SetUtcNow(Utc(11, 27, 12, 1));
        await h.NewDispatcher().RunDueAsync(Ct);
        Assert.Contains("张三 志愿服务 +2分", Assert.Single(h.Messenger.To(broken)).Text, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task APermanentFailureIsNotRetried(StorageProvider provider)
    {
        using var db = new TestDatabase(now: Utc(11, 26, 1), provider: provider);
        var h = await DigestHarness.CreateAsync(db);
        var branch = await h.Stores.CreateBranchAsync("张三");
        var group = await h.AddGroupAsync(branch.Unit.Id, "removed");
        await h.ApproveAtAsync(branch, branch[0], "volunteer_service", Utc(11, 26, 3), 2);
        h.Messenger.FailWith = _ => new GroupSendException("403 MessageWritesBlocked", isPermanent: true);

        db.Time.SetUtcNow(Utc(11, 26, 12, 1));
        var report = await h.NewDispatcher().RunDueAsync(Ct);

        Assert.Equal(1, report.Failed);
        Assert.Equal(1, h.Messenger.Calls);
        Assert.Equal(1, (await h.Runs.FindAsync(group, new DateOnly(2026, 11, 26), Ct))!.Attempts);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task AnUnsubscribedGroupGetsNothingAndAGroupSubscribedAfterTheHourWaitsForTheNextDay(StorageProvider provider)
    {
        using var db = new TestDatabase(now: Utc(11, 26, 1), provider: provider);
        var h = await DigestHarness.CreateAsync(db);
        var branch = await h.Stores.CreateBranchAsync("张三");
        var left = await h.AddGroupAsync(branch.Unit.Id, "left");
        await h.ApproveAtAsync(branch, branch[0], "volunteer_service", Utc(11, 26, 3), 2);
        Assert.True(await h.Subscriptions.UnsubscribeAsync(left, null, Ct));
        db.Time.SetUtcNow(Utc(11, 26, 12, 30));
        var late = await h.AddGroupAsync(branch.Unit.Id, "late");

        db.Time.SetUtcNow(Utc(11, 26, 12, 31));
        Assert.Equal(0, (await h.NewDispatcher().RunDueAsync(Ct)).Due);

        db.Time.SetUtcNow(Utc(11, 27, 12, 1));
        await h.NewDispatcher().RunDueAsync(Ct);
        Assert.Empty(h.Messenger.To(left));
        // Its first digest covers what happened since it subscribed: nothing yet.
        Assert.Empty(h.Messenger.To(late));
        Assert.Equal(DigestRunStatus.Skipped, (await h.Runs.FindAsync(late, new DateOnly(2026, 11, 27), Ct))!.Status);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task AnAbandonedDigestOfAnEarlierDayIsGivenUpAndTheLatestOneCoversItsDeeds(StorageProvider provider)
    {
        using var db = new TestDatabase(now: Utc(11, 25, 1), provider: provider);
        var h = await DigestHarness.CreateAsync(db);
        var branch = await h.Stores.CreateBranchAsync("张三", "李四");
        var group = await h.AddGroupAsync(branch.Unit.Id, "group", channelId: "telegram");
        await h.ApproveAtAsync(branch, branch[0], "volunteer_service", Utc(11, 25, 3), 2);
        // A process claimed the 25th's digest and died; the bot stayed down until the next afternoon.
        db.Time.SetUtcNow(Utc(11, 25, 12, 1));
        Assert.NotNull(await h.Runs.TryClaimAsync(
            new DigestRunClaim(group, branch.Unit.Id, new DateOnly(2026, 11, 25), Utc(11, 25, 1), Utc(11, 25, 12), "crashed-instance", false), Ct));
        await h.ApproveAtAsync(branch, branch[1], "free_haircut", Utc(11, 26, 3), 5);

        db.Time.SetUtcNow(Utc(11, 26, 13));
        var report = await h.NewDispatcher().RunDueAsync(Ct);

        Assert.Equal((1, 1), (report.Sent, report.Superseded));
        var text = Assert.Single(h.Messenger.To(group)).Text;
        Assert.StartsWith("【山岔村党支部】11月26日积分日报（补发）", text, StringComparison.Ordinal);
        Assert.Contains("张三 志愿服务 +2分", text, StringComparison.Ordinal);
        Assert.Contains("李四 义务理发 +5分", text, StringComparison.Ordinal);
        var runs = await h.Runs.ListForGroupAsync(group, Ct);
        Assert.Equal([(new DateOnly(2026, 11, 25), DigestRunStatus.Failed), (new DateOnly(2026, 11, 26), DigestRunStatus.Sent)], runs.Select(r => (r.LocalDate, r.Status)));
        Assert.StartsWith("superseded", runs[0].LastError, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task TheNextDueInstantFollowsTheEarliestScheduleOfAnySubscribedBranch(StorageProvider provider)
    {
        using var db = new TestDatabase(now: Utc(11, 26, 1), provider: provider);
        var h = await DigestHarness.CreateAsync(db);
        var branch = await h.Stores.CreateBranchAsync("张三");
        var early = await h.Stores.CreateBranchAsync("李四");
        await h.AddGroupAsync(branch.Unit.Id, "group");
        var dispatcher = h.NewDispatcher();
        Assert.Equal(Utc(11, 26, 12).AddSeconds(5), await dispatcher.NextDueAsync(Ct));

        // 18:30 in Shanghai; it counts only once the branch has a group.
        await h.Settings.SetAsync(new BranchDigestSettings(early.Unit.Id, Schedule: "30 18 * * *"), null, Ct);
        Assert.Equal(Utc(11, 26, 12).AddSeconds(5), await dispatcher.NextDueAsync(Ct));
        await h.AddGroupAsync(early.Unit.Id, "early");
        Assert.Equal(Utc(11, 26, 10, 30).AddSeconds(5), await dispatcher.NextDueAsync(Ct));
    }
}
