using ChatReport.Bot.Scheduling;
using ChatReport.Bot.Tests.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using static ChatReport.Bot.Tests.Digests.DigestHarness;

namespace ChatReport.Bot.Tests.Digests;

public sealed class ClockedJobSchedulerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheRunningSchedulerSleepsOnTheClockAndSendsWhenTheEveningComes()
    {
        using var db = new TestDatabase(now: Utc(11, 26, 1));
        var h = await DigestHarness.CreateAsync(db);
        var branch = await h.Stores.CreateBranchAsync("张三");
        var group = await h.AddGroupAsync(branch.Unit.Id, "group");
        await h.ApproveAtAsync(branch, branch[0], "volunteer_service", Utc(11, 26, 11), 2);
        using var scheduler = new ClockedJobScheduler([h.NewDigestJob()], db.Time, NullLogger<ClockedJobScheduler>.Instance);

        await scheduler.StartAsync(Ct);
        // Move the fake clock a minute at a time until the scheduler has posted (or two hours have passed).
        for (var i = 0; i < 120 && h.Messenger.Sent.Count == 0; i++)
        {
            db.Time.Advance(TimeSpan.FromMinutes(1));
            for (var wait = 0; wait < 50 && h.Messenger.Sent.Count == 0; wait++)
            {
                await Task.Delay(2, Ct);
            }
        }

        await scheduler.StopAsync(Ct);

        var sent = Assert.Single(h.Messenger.To(group));
        Assert.InRange(sent.At, Utc(11, 26, 12), Utc(11, 26, 12, 2));
        Assert.Contains("张三 志愿服务 +2分", sent.Text, StringComparison.Ordinal);
    }
}
