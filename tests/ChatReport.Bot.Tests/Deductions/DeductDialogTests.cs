using ChatReport.Bot.Tests.Review;
using ChatReport.Conversation.Deductions;
using ChatReport.Conversation.Domain;
using ChatReport.Conversation.Review;

namespace ChatReport.Bot.Tests.Deductions;

public sealed class DeductDialogTests
{
    private static readonly DeductionTexts Zh = DeductionTexts.Chinese;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task<IReadOnlyList<LedgerEntry>> DeductionsAsync(SecretaryWorld world, string member) =>
        [.. (await world.Stores.Ledger.ListEntriesAsync(world[member].Id, world.Branch.Cycle.Id, null, Token)).Where(e => e.Kind == LedgerKind.Deduction)];

    [Fact]
    public async Task AFullCommandRecordsTheDeductionWithWhoAndWhyAndTellsTheMember()
    {
        using var world = await SecretaryWorld.CreateAsync();

        await world.Flow()
            .SendAs("李书记", "扣分 王五 3 乱扔垃圾")
            .AssertReply(Zh.Deducted("王五", 3, "乱扔垃圾"))
            .RunAsync(Token);

        var entry = Assert.Single(await DeductionsAsync(world, "王五"));
        Assert.Equal((-3, "乱扔垃圾", world["李书记"].Id), (entry.Points, entry.Reason, entry.RecordedBy));
        Assert.Equal(entry.Id, Assert.Single(world.DeductionNotifier.Entries).Id);
    }

    [Fact]
    public async Task AMissingReasonIsPickedFromTheDeductionRulesWithTheirPoints()
    {
        using var world = await SecretaryWorld.CreateAsync();

        await world.Flow()
            .SendAs("钱七", "扣分 王五")
            .AssertReply(reply => Assert.StartsWith(Zh.AskReason, reply.Text!, StringComparison.Ordinal))
            .SendAs("钱七", "未按时交纳党费")
            .AssertReply(Zh.Deducted("王五", 3, "未按时交纳党费"))
            .RunAsync(Token);

        var entry = Assert.Single(await DeductionsAsync(world, "王五"));
        Assert.Equal((await world.Stores.RuleAsync("dues_late")).Id, entry.RuleId);
    }

    [Fact]
    public async Task AFreeTextReasonAsksForThePoints()
    {
        using var world = await SecretaryWorld.CreateAsync();

        await world.Flow()
            .SendAs("李书记", "扣分")
            .AssertReply(Zh.AskMember)
            .SendAs("李书记", "张三")
            .AssertReply(reply => Assert.StartsWith(Zh.AskReason, reply.Text!, StringComparison.Ordinal))
            .SendAs("李书记", "占用公共通道")
            .AssertReply(Zh.AskPoints("张三"))
            .SendAs("李书记", "0")
            .AssertReply(Zh.PointsOutOfRange)
            .SendAs("李书记", "2")
            .AssertReply(Zh.Deducted("张三", 2, "占用公共通道"))
            .RunAsync(Token);

        Assert.Null(Assert.Single(await DeductionsAsync(world, "张三")).RuleId);
    }

    [Fact]
    public async Task AmbiguousNamesAreAskedAbout()
    {
        using var world = await SecretaryWorld.CreateAsync();
        var second = await world.Stores.Members.AddMemberAsync(world.Branch.Unit.Id, "张三", null, Token);

        await world.Flow()
            .SendAs("李书记", "扣分 张三 2 迟到")
            .AssertReply(reply => Assert.StartsWith(Zh.WhichMember("张三"), reply.Text!, StringComparison.Ordinal))
            .SendAs("李书记", "2")
            .AssertReply(Zh.Deducted("张三", 2, "迟到"))
            .RunAsync(Token);

        Assert.Equal(second.Id, Assert.Single(world.DeductionNotifier.Entries).MemberId);
    }

    [Fact]
    public async Task AnUnknownNameChangesNothing()
    {
        using var world = await SecretaryWorld.CreateAsync();

        await world.Flow()
            .SendAs("李书记", "扣分 周八 2 迟到")
            .AssertReply(Zh.MemberNotFound("周八"))
            .RunAsync(Token);

        Assert.Empty(await DeductionsAsync(world, "周八"));
    }

    [Theory]
    [InlineData(SecretaryWorld.Stranger, "not-a-member")]
    [InlineData("王五", "not-a-reviewer")]
    [InlineData("赵六", "not-a-reviewer")]
    [InlineData("吴主任", "not-a-reviewer")]
    [InlineData("孙书记", "not-found")]
    [InlineData("钱七", "allowed")]
    [InlineData("李书记", "allowed")]
    public async Task OnlyReviewersOfTheMembersBranchMayDeduct(string user, string outcome)
    {
        using var world = await SecretaryWorld.CreateAsync();
        var expected = outcome switch
        {
            "not-a-member" => ReviewTexts.Chinese.NotAMember,
            "not-a-reviewer" => ReviewTexts.Chinese.NotAReviewer,
            "not-found" => Zh.MemberNotFound("张三"),
            _ => Zh.Deducted("张三", 2, "迟到"),
        };

        await world.Flow().SendAs(user, "扣分 张三 2 迟到").AssertReply(expected).RunAsync(Token);

        Assert.Equal(outcome == "allowed" ? 1 : 0, (await DeductionsAsync(world, "张三")).Count);
    }
}
