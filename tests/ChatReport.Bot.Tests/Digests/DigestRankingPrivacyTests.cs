using ChatReport.Bot.Storage.Domain;
using ChatReport.Bot.Tests.Storage;
using static ChatReport.Bot.Tests.Digests.DigestHarness;

namespace ChatReport.Bot.Tests.Digests;

/// <summary>The group digest shows no more of the branch's leaders than its ranking setting lets members see.</summary>
public sealed class DigestRankingPrivacyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string[]> Settings => new()
    {
        { "all", ["1. 张三 10分", "1. 李四 10分", "3. 王五 5分"] },
        // A tie at the first place is shown whole.
        { "top:1", ["1. 张三 10分", "1. 李四 10分"] },
        { "own", [] },
    };

    [Theory]
    [MemberData(nameof(Settings))]
    public async Task TheDigestsLeadersFollowTheBranchsRankingSetting(string setting, string[] leaders)
    {
        using var db = new TestDatabase(now: Utc(10, 1, 1));
        var h = await DigestHarness.CreateAsync(db);
        var branch = await h.Stores.CreateBranchAsync("张三", "李四", "王五");
        await h.ApproveAtAsync(branch, branch[0], "greening_zone", Utc(10, 10, 2), 10);
        await h.ApproveAtAsync(branch, branch[1], "greening_zone", Utc(10, 11, 2), 10);
        db.Time.SetUtcNow(Utc(11, 20, 0));
        var group = await h.AddGroupAsync(branch.Unit.Id, "group-1", channelId: "telegram");
        await h.ApproveAtAsync(branch, branch[2], "free_haircut", Utc(11, 26, 3), 5);
        var settings = new RankingSettingsStore(db.Connections, db.Time);
        await settings.SetAsync(branch.Unit.Id, RankingSettingsStore.Parse(setting), branch.Secretary.Id, Ct);

        db.Time.SetUtcNow(Utc(11, 26, 12, 1));
        await h.NewDispatcher().RunDueAsync(Ct);

        var text = Assert.Single(h.Messenger.To(group)).Text;
        var section = text.Split("\n\n").SingleOrDefault(s => s.StartsWith("第4季度前三名", StringComparison.Ordinal));
        if (leaders.Length == 0)
        {
            Assert.Null(section);
            Assert.DoesNotContain("张三", text, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(["第4季度前三名", .. leaders], section!.Split('\n'));
        }
    }
}
