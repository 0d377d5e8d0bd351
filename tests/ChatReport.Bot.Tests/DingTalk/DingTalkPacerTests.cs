using ChatReport.Bot.Channels.DingTalk;
using ChatReport.Bot.Storage.Connections;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatReport.Bot.Tests.DingTalk;

/// <summary>DingTalk mutes a robot for ten minutes past 20 messages a minute to a group; the pacer keeps under it.</summary>
public sealed class DingTalkPacerTests
{
    [Fact]
    public async Task TheTwentyFirstMessageToAGroupWithinAMinuteWaitsForTheFirstToLeaveTheMinute()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        var pacer = new DingTalkPacer(Options.Create(new DingTalkOptions()), time, Options.Create(new StorageOptions()));
        for (var i = 0; i < 20; i++)
        {
            Assert.True(pacer.WaitTurnAsync("group-a", TestContext.Current.CancellationToken).IsCompletedSuccessfully);
            time.Advance(TimeSpan.FromSeconds(1));
        }

        var twentyFirst = pacer.WaitTurnAsync("group-a", TestContext.Current.CancellationToken);
        var otherGroup = pacer.WaitTurnAsync("group-b", TestContext.Current.CancellationToken);

        Assert.True(otherGroup.IsCompletedSuccessfully);
        Assert.False(twentyFirst.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(39));
        Assert.False(twentyFirst.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        await twentyFirst.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task WithTwoInstancesOnTheDatabaseEachSendsAtMostHalfAGroupsMinute()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        var pacer = new DingTalkPacer(Options.Create(new DingTalkOptions()), time, Options.Create(new StorageOptions { Instances = 2 }));
        for (var i = 0; i < 10; i++)
        {
            Assert.True(pacer.WaitTurnAsync("group-a", TestContext.Current.CancellationToken).IsCompletedSuccessfully);
            time.Advance(TimeSpan.FromSeconds(1));
        }

        var eleventh = pacer.WaitTurnAsync("group-a", TestContext.Current.CancellationToken);

        Assert.False(eleventh.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(50));
        await eleventh.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
    }
}
