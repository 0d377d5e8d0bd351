using ChatReport.Bot.Storage.Connections;
using ChatReport.Bot.Storage.Channels;
using ChatReport.Bot.Storage.Schedules;
using ChatReport.Bot.Tests.Storage;
using static ChatReport.Bot.Tests.Digests.DigestHarness;

namespace ChatReport.Bot.Tests.Digests;

/// <summary>Restarts, abandoned claims, downtime and two instances on one database.</summary>
public sealed partial class DigestDispatcherTests
{
    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task AGroupGetsOneDigestAfterARestartInTheMiddleOfSendingItMarkedAsPossiblyRepeated(StorageProvider provider)
    {
        using var db = new TestDatabase(now: Utc(11, 26, 1), provider: provider);
        var h = await DigestHarness.CreateAsync(db);
        var branch = await h.Stores.CreateBranchAsync("张三");
        var group = await h.AddGroupAsync(branch.Unit.Id, "group", channelId: "telegram");
        await h.ApproveAtAsync(branch, branch[0], "volunteer_service", Utc(11, 26, 3), 2);
        db.Time.SetUtcNow(Utc(11, 26, 12, 1));

        // The first process claims the digest and dies while the channel has not answered.
        using var crash = new CancellationTokenSource();
        var dying = new FakeMessenger(db.Time)
        {
            Before = async (_, token) =>
            {
                await crash.CancelAsync();
                await Task.Delay(Timeout.Infinite, token);
            },
        };
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => h.NewDispatcher(dying).RunDueAsync(crash.Token));
        var abandoned = Assert.Single(await h.Runs.ListForGroupAsync(group, Ct));
        Assert.Equal((DigestRunStatus.Claimed, 1), (abandoned.Status, abandoned.Attempts));

        // The restarted process leaves the claim alone while its lease lasts, then takes it over.
        var restarted = h.NewDispatcher();
        db.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(0, (await restarted.RunDueAsync(Ct)).Sent);
        db.Time.Advance(h.Options.ClaimLease);
        Assert.Equal(1, (await restarted.RunDueAsync(Ct)).Sent);
        db.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(0, (await restarted.RunDueAsync(Ct)).Due);

        Assert.Empty(dying.Sent);
        var sent = Assert.Single(h.Messenger.To(group));
        Assert.Contains("（补发）", sent.Text, StringComparison.Ordinal);
        Assert.Contains("张三 志愿服务 +2分", sent.Text, StringComparison.Ordinal);
        var run = Assert.Single(await h.Runs.ListForGroupAsync(group, Ct));
        Assert.Equal((DigestRunStatus.Sent, 2, true, restarted.InstanceId), (run.Status, run.Attempts, run.IsLate, run.ClaimedBy));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task AClaimAbandonedBeforeAnyAttemptIsSentByTheNextInstanceWithoutTheRepeatMark(StorageProvider provider)
    {
        using var db = new TestDatabase(now: Utc(11, 26, 1), provider: provider);
        var h = await DigestHarness.CreateAsync(db);
        var branch = await h.Stores.CreateBranchAsync("张三");
        var group = await h.AddGroupAsync(branch.Unit.Id, "group", channelId: "telegram");
        await h.ApproveAtAsync(branch, branch[0], "volunteer_service", Utc(11, 26, 3), 2);
        db.Time.SetUtcNow(Utc(11, 26, 12).AddSeconds(30));
        var claimed = await h.Runs.TryClaimAsync(
            new DigestRunClaim(group, branch.Unit.Id, new DateOnly(2026, 11, 26), Utc(11, 26, 1), Utc(11, 26, 12), "crashed-instance", false), Ct);
        Assert.NotNull(claimed);

        db.Time.Advance(h.Options.ClaimLease + TimeSpan.FromMinutes(1));
        var report = await h.NewDispatcher().RunDueAsync(Ct);

        Assert.Equal(1, report.Sent);
        var sent = Assert.Single(h.Messenger.To(group));
        Assert.DoesNotContain("补发", sent.Text, StringComparison.Ordinal);
        Assert.Contains("张三 志愿服务 +2分", sent.Text, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task AfterADayOfDowntimeOnlyTheLatestDigestIsSentMarkedLateAndItCoversTheWholeGap(StorageProvider provider)
    {
        using var db = new TestDatabase(now: Utc(11, 24, 1), provider: provider);
        var h = await DigestHarness.CreateAsync(db);
        var branch = await h.Stores.CreateBranchAsync("张三", "李四", "王五");
        var group = await h.AddGroupAsync(branch.Unit.Id, "group", channelId: "telegram");
        var dispatcher = h.NewDispatcher();
        await h.ApproveAtAsync(branch, branch[0], "volunteer_service", Utc(11, 24, 3), 2);
        db.Time.SetUtcNow(Utc(11, 24, 12, 1));
        await dispatcher.RunDueAsync(Ct);
        // Down from the 24th's digest until the morning of the 27th; deeds were approved meanwhile.
        await h.ApproveAtAsync(branch, branch[1], "free_haircut", Utc(11, 25, 3), 5);
        await h.ApproveAtAsync(branch, branch[2], "greening_zone", Utc(11, 26, 3), 10);

        db.Time.SetUtcNow(Utc(11, 27, 1));
        var report = await dispatcher.RunDueAsync(Ct);

        Assert.Equal(1, report.Sent);
        var sent = h.Messenger.To(group);
        Assert.Equal(2, sent.Count);
        var late = sent[1].Text;
        Assert.StartsWith("【山岔村党支部】11月26日积分日报（补发）", late, StringComparison.Ordinal);
        Assert.Contains("李四 义务理发 +5分", late, StringComparison.Ordinal);
        Assert.Contains("王五 绿化卫生责任区 +10分", late, StringComparison.Ordinal);
        Assert.DoesNotContain("张三 志愿服务", late, StringComparison.Ordinal);
        var runs = await h.Runs.ListForGroupAsync(group, Ct);
        Assert.Equal([new DateOnly(2026, 11, 24), new DateOnly(2026, 11, 26)], runs.Select(r => r.LocalDate));
        Assert.True(runs[1].IsLate);

        // That evening's digest goes out on time and starts where the late one ended.
        db.Time.SetUtcNow(Utc(11, 27, 12, 1));
        Assert.Equal(1, (await dispatcher.RunDueAsync(Ct)).Skipped);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task TwoInstancesRacingOverOneDatabaseSendEachDigestOnce(StorageProvider provider)
    {
        using var db = new TestDatabase(now: Utc(11, 26, 1), provider: provider);
        var h = await DigestHarness.CreateAsync(db);
        var groups = new List<GroupAddress>();
        for (var i = 0; i < 4; i++)
        {
            var branch = await h.Stores.CreateBranchAsync($"党员{i}");
            groups.Add(await h.AddGroupAsync(branch.Unit.Id, $"group-{i}"));
            groups.Add(await h.AddGroupAsync(branch.Unit.Id, $"group-{i}-b"));
            await h.ApproveAtAsync(branch, branch[0], "volunteer_service", Utc(11, 26, 3, i), 2);
        }

        db.Time.SetUtcNow(Utc(11, 26, 12, 1));
        var reports = await Task.WhenAll(
            Task.Run(() => h.NewDispatcher().RunDueAsync(Ct), Ct),
            Task.Run(() => h.NewDispatcher().RunDueAsync(Ct), Ct));

        Assert.Equal(groups.Count, h.Messenger.Sent.Count);
        Assert.All(groups, g => Assert.Single(h.Messenger.To(g)));
        Assert.Equal(groups.Count, reports.Sum(r => r.Sent));
        // The other instance found each digest claimed, or (when it planned after the first had
        // already committed it) not due at all; it never sent one.
        Assert.InRange(reports.Sum(r => r.TakenByOthers), 0, groups.Count);
    }
}
