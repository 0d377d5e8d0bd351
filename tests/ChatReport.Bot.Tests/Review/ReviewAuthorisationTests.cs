using ChatReport.Conversation.Domain;
using ChatReport.Conversation.Review;

namespace ChatReport.Bot.Tests.Review;

/// <summary>Each role against each review action on a claim of branch A by 张三: allowed, or refused with nothing changed.</summary>
public sealed class ReviewAuthorisationTests
{
    private static readonly ReviewTexts Zh = ReviewTexts.Chinese;

    public static TheoryData<string, string, string> Table()
    {
        var data = new TheoryData<string, string, string>();
        string[] actions = ["通过 {0}", "驳回 {0} 不对", "改分 {0} 1 少一点", "全部通过"];
        var roles = new Dictionary<string, string>
        {
            [SecretaryWorld.Stranger] = "not-a-member",
            ["王五"] = "not-a-reviewer",
            ["赵六"] = "not-a-reviewer",
            ["钱七"] = "allowed",
            ["李书记"] = "allowed",
            ["孙书记"] = "other-branch",
            ["吴主任"] = "not-a-reviewer",
            ["张三"] = "not-a-reviewer",
        };
        foreach (var (role, outcome) in roles)
        {
            foreach (var action in actions)
            {
                data.Add(role, action, outcome);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Table))]
    public async Task OnlyReviewersOfTheClaimsBranchMayDecideIt(string user, string action, string outcome)
    {
        using var world = await SecretaryWorld.CreateAsync();
        var claim = await world.ClaimAsync("张三", 10);
        var command = string.Format(System.Globalization.CultureInfo.InvariantCulture, action, claim.Id);
        var bulk = action == "全部通过";
        var flow = world.Flow().SendAs(user, command);
        var expected = outcome switch
        {
            "not-a-member" => Zh.NotAMember,
            "not-a-reviewer" => Zh.NotAReviewer,
            "other-branch" when bulk => Zh.ApproveAllNone,
            "other-branch" => Zh.ClaimNotFound(claim.Id),
            _ => null,
        };
        if (expected is not null)
        {
            flow = flow.AssertReply(expected);
        }
        else if (bulk)
        {
            flow = flow.AssertReply(_ => { }).SendAs(user, "是").AssertReply(Zh.ApprovedAll(1, 0));
        }
        else
        {
            flow = flow.AssertReply(reply => Assert.Contains(claim.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), reply.Text!, StringComparison.Ordinal));
        }

        await flow.RunAsync(TestContext.Current.CancellationToken);

        var after = await world.ReloadAsync(claim);
        if (expected is null)
        {
            Assert.NotEqual(ClaimStatus.Pending, after.Status);
            Assert.Equal(world[user].Id, after.DecidedBy);
        }
        else
        {
            Assert.Equal(ClaimStatus.Pending, after.Status);
            Assert.Empty(world.ReviewNotifier.Decisions);
        }
    }

    [Fact]
    public async Task NobodyReviewsTheirOwnClaim()
    {
        using var world = await SecretaryWorld.CreateAsync();
        var claim = await world.ClaimAsync("李书记", 10);

        await world.Flow()
            .SendAs("李书记", $"通过 {claim.Id}")
            .AssertReply(Zh.OwnClaim(claim.Id))
            .RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(ClaimStatus.Pending, (await world.ReloadAsync(claim)).Status);
    }

    [Fact]
    public async Task AnUnknownClaimNumberIsSaidPolitely()
    {
        using var world = await SecretaryWorld.CreateAsync();

        await world.Flow()
            .SendAs("李书记", "通过 999")
            .AssertReply(Zh.ClaimNotFound(999))
            .RunAsync(TestContext.Current.CancellationToken);
    }
}
