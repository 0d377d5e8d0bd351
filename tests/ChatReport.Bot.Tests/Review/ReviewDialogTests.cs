using System.Text.Json;
using ChatReport.Conversation.Domain;
using ChatReport.Conversation.Review;
using ChatReport.Dialogs.Schema;

namespace ChatReport.Bot.Tests.Review;

public sealed class ReviewDialogTests
{
    private static readonly ReviewTexts Zh = ReviewTexts.Chinese;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ASecretaryApprovesAClaimAndTheMemberIsTold()
    {
        using var world = await SecretaryWorld.CreateAsync();
        var claim = await world.ClaimAsync("张三", 10);

        await world.Flow()
            .SendAs("李书记", $"通过 {claim.Id}")
            .AssertReply(Zh.Approved(claim.Id, "张三", 10))
            .RunAsync(Token);

        var decided = await world.ReloadAsync(claim);
        Assert.Equal(ClaimStatus.Approved, decided.Status);
        Assert.Equal(world["李书记"].Id, decided.DecidedBy);
        var told = Assert.Single(world.ReviewNotifier.Decisions);
        Assert.Equal(claim.Id, told.Claim!.Id);
        var entries = await world.Stores.Ledger.ListEntriesAsync(world["张三"].Id, world.Branch.Cycle.Id, null, Token);
        Assert.Single(entries, e => e.ClaimId == claim.Id);
    }

    [Theory]
    [InlineData("通過 {0}")]
    [InlineData("批准第{0}号")]
    [InlineData("approve {0}")]
    [InlineData("Approve #{0}")]
    [InlineData("通过　{0}")]
    public async Task TraditionalEnglishAndFullWidthApprovalsAreUnderstood(string command)
    {
        using var world = await SecretaryWorld.CreateAsync();
        var claim = await world.ClaimAsync("张三", 10);

        await world.Flow()
            .SendAs("钱七", string.Format(System.Globalization.CultureInfo.InvariantCulture, command, claim.Id))
            .AssertReply(reply => Assert.Contains(claim.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), reply.Text!, StringComparison.Ordinal))
            .RunAsync(Token);

        Assert.Equal(ClaimStatus.Approved, (await world.ReloadAsync(claim)).Status);
    }

    [Fact]
    public async Task ARejectionWithoutAReasonAsksForOneAndPassesItOn()
    {
        using var world = await SecretaryWorld.CreateAsync();
        var claim = await world.ClaimAsync("张三");

        await world.Flow()
            .SendAs("李书记", $"駁回 {claim.Id}")
            .AssertReply(Zh.AskRejectReason(claim.Id))
            .SendAs("李书记", "照片看不清")
            .AssertReply(Zh.Rejected(claim.Id, "张三"))
            .RunAsync(Token);

        var decided = await world.ReloadAsync(claim);
        Assert.Equal(ClaimStatus.Rejected, decided.Status);
        Assert.Equal("照片看不清", decided.DecisionNote);
        Assert.Equal("照片看不清", Assert.Single(world.ReviewNotifier.Decisions).Claim!.DecisionNote);
    }

    [Fact]
    public async Task ARejectionWithItsReasonIsDoneInOneMessage()
    {
        using var world = await SecretaryWorld.CreateAsync();
        var claim = await world.ClaimAsync("张三");

        await world.Flow()
            .SendAs("李书记", $"驳回 {claim.Id} 同一件事报了两次")
            .AssertReply(Zh.Rejected(claim.Id, "张三"))
            .RunAsync(Token);

        Assert.Equal("同一件事报了两次", (await world.ReloadAsync(claim)).DecisionNote);
    }

    [Fact]
    public async Task AnAdjustmentAsksForPointsInRangeAndAReason()
    {
        using var world = await SecretaryWorld.CreateAsync();
        var claim = await world.ClaimAsync("张三", 10);

        await world.Flow()
            .SendAs("李书记", $"改分 {claim.Id}")
            .AssertReply(Zh.AskAdjustPoints(claim.Id, 10))
            .SendAs("李书记", "2000")
            .AssertReply(Zh.PointsOutOfRange)
            .SendAs("李书记", "5分")
            .AssertReply(Zh.AskAdjustReason(claim.Id))
            .SendAs("李书记", "只去了半天")
            .AssertReply(Zh.Adjusted(claim.Id, "张三", 5))
            .RunAsync(Token);

        var decided = await world.ReloadAsync(claim);
        Assert.Equal((ClaimStatus.Approved, 5, "只去了半天"), (decided.Status, decided.AwardedPoints, decided.DecisionNote));
    }

    [Fact]
    public async Task AnAdjustmentWithEverythingSaidIsDoneInOneMessage()
    {
        using var world = await SecretaryWorld.CreateAsync();
        var claim = await world.ClaimAsync("张三", 10);

        await world.Flow(locale: "en-US")
            .SendAs("李书记", $"adjust {claim.Id} 3 only one hour")
            .AssertReply(ReviewTexts.English.Adjusted(claim.Id, "张三", 3))
            .RunAsync(Token);

        Assert.Equal(3, (await world.ReloadAsync(claim)).AwardedPoints);
    }

    [Fact]
    public async Task AnAdjustmentOutOfRangeInTheCommandChangesNothing()
    {
        using var world = await SecretaryWorld.CreateAsync();
        var claim = await world.ClaimAsync("张三", 10);

        await world.Flow()
            .SendAs("李书记", $"改分 {claim.Id} 5000 太多")
            .AssertReply(Zh.PointsOutOfRange)
            .RunAsync(Token);

        Assert.Equal(ClaimStatus.Pending, (await world.ReloadAsync(claim)).Status);
    }

    [Fact]
    public async Task ThePendingListIsCompactWithButtonsThatSendTheCommands()
    {
        using var world = await SecretaryWorld.CreateAsync();
        var first = await world.ClaimAsync("张三", 10);
        var second = await world.ClaimAsync("王五", 4, "打扫楼道");
        await world.ClaimAsync("周八", 4, "别的支部");

        await world.Flow(channelId: "webchat")
            .SendAs("李书记", "待審核")
            .AssertReply(reply =>
            {
                var lines = reply.Text!.Split('\n');
                Assert.Equal(Zh.PendingHeader(2), lines[0]);
                Assert.StartsWith($"#{first.Id} 张三", lines[1], StringComparison.Ordinal);
                Assert.StartsWith($"#{second.Id} 王五", lines[2], StringComparison.Ordinal);
                var card = Assert.Single(reply.Attachments!);
                Assert.Equal(Attachment.AdaptiveCardContentType, card.ContentType);
                var commands = SubmitCommands(card.Content!.Value);
                Assert.Contains($"通过 {first.Id}", commands);
                Assert.Contains($"驳回 {second.Id}", commands);
            })
            .RunAsync(Token);
    }

    [Fact]
    public async Task ACardButtonSubmitRunsTheSameCommand()
    {
        using var world = await SecretaryWorld.CreateAsync();
        var claim = await world.ClaimAsync("张三", 10);
        var submit = ClaimCards.Submit("驳回", $"驳回 {claim.Id}");
        var data = JsonSerializer.SerializeToElement(submit).GetProperty("data");

        await world.Flow(channelId: "webchat")
            .Send(new Activity { Type = ActivityTypes.Message, Value = data, From = new ChannelAccount { Id = "李书记" } })
            .AssertReply(Zh.AskRejectReason(claim.Id))
            .SendAs("李书记", "不是本人")
            .AssertReply(Zh.Rejected(claim.Id, "张三"))
            .RunAsync(Token);

        Assert.Equal(ClaimStatus.Rejected, (await world.ReloadAsync(claim)).Status);
    }

    [Fact]
    public async Task ApproveAllConfirmsTheCountAndLeavesTheReviewersOwnClaim()
    {
        using var world = await SecretaryWorld.CreateAsync();
        var a = await world.ClaimAsync("张三", 10);
        var b = await world.ClaimAsync("王五", 4);
        var own = await world.ClaimAsync("钱七", 6);

        await world.Flow()
            .SendAs("钱七", "全部通过")
            .AssertReply(reply => Assert.StartsWith(Zh.ConfirmApproveAll(2), reply.Text!, StringComparison.Ordinal))
            .SendAs("钱七", "是")
            .AssertReply(Zh.ApprovedAll(2, 0))
            .RunAsync(Token);

        Assert.Equal(ClaimStatus.Approved, (await world.ReloadAsync(a)).Status);
        Assert.Equal(ClaimStatus.Approved, (await world.ReloadAsync(b)).Status);
        Assert.Equal(ClaimStatus.Pending, (await world.ReloadAsync(own)).Status);
        Assert.Equal(2, world.ReviewNotifier.Decisions.Count);
    }

    [Fact]
    public async Task SayingNoToApproveAllApprovesNothing()
    {
        using var world = await SecretaryWorld.CreateAsync();
        var a = await world.ClaimAsync("张三", 10);

        await world.Flow()
            .SendAs("李书记", "全部通过")
            .AssertReply(reply => Assert.StartsWith(Zh.ConfirmApproveAll(1), reply.Text!, StringComparison.Ordinal))
            .SendAs("李书记", "否")
            .AssertReply(Zh.ApproveAllCancelled)
            .RunAsync(Token);

        Assert.Equal(ClaimStatus.Pending, (await world.ReloadAsync(a)).Status);
    }

    [Fact]
    public async Task TheReviewerWhoLosesARaceIsToldWhoDecidedFirst()
    {
        using var world = await SecretaryWorld.CreateAsync();
        var claim = await world.ClaimAsync("张三", 10);
        var secretary = world.Flow();

        // 钱七 has passed the checks and is typing a reason when 李书记 approves.
        await world.Flow()
            .SendAs("钱七", $"驳回 {claim.Id}")
            .AssertReply(Zh.AskRejectReason(claim.Id))
            .Do(ct => secretary.SendAs("李书记", $"通过 {claim.Id}").AssertReply(Zh.Approved(claim.Id, "张三", 10)).RunAsync(ct))
            .SendAs("钱七", "重复申报")
            .AssertReply(Zh.AlreadyDecided(claim.Id, "李书记", Zh.StatusApproved))
            .RunAsync(Token);

        var decided = await world.ReloadAsync(claim);
        Assert.Equal((ClaimStatus.Approved, world["李书记"].Id), (decided.Status, decided.DecidedBy));
        Assert.Single(world.ReviewNotifier.Decisions);
        var entries = await world.Stores.Ledger.ListEntriesAsync(world["张三"].Id, world.Branch.Cycle.Id, null, Token);
        Assert.Single(entries, e => e.ClaimId == claim.Id);
    }

    [Fact]
    public async Task TwoReviewersDecidingAtOnceMakeOneDecision()
    {
        using var world = await SecretaryWorld.CreateAsync();
        var claim = await world.ClaimAsync("张三", 10);
        var replies = new System.Collections.Concurrent.ConcurrentBag<string>();

        await Task.WhenAll(
            world.Flow().SendAs("李书记", $"通过 {claim.Id}").AssertReply(r => replies.Add(r.Text!)).RunAsync(Token),
            world.Flow().SendAs("钱七", $"驳回 {claim.Id} 不对").AssertReply(r => replies.Add(r.Text!)).RunAsync(Token));

        var decided = await world.ReloadAsync(claim);
        var winner = decided.DecidedBy == world["李书记"].Id ? "李书记" : "钱七";
        Assert.Contains(replies, r => r.Contains("已由" + winner, StringComparison.Ordinal));
        Assert.Single(world.ReviewNotifier.Decisions);
        var entries = await world.Stores.Ledger.ListEntriesAsync(world["张三"].Id, world.Branch.Cycle.Id, null, Token);
        Assert.Equal(decided.Status == ClaimStatus.Approved ? 1 : 0, entries.Count(e => e.ClaimId == claim.Id));
    }

    private static List<string> SubmitCommands(JsonElement card)
    {
        var found = new List<string>();
        Walk(card);
        return found;

        void Walk(JsonElement element)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                if (element.TryGetProperty("type", out var type) && type.GetString() == "Action.Submit")
                {
                    found.Add(element.GetProperty("data").GetProperty("command").GetString()!);
                }

                foreach (var property in element.EnumerateObject())
                {
                    Walk(property.Value);
                }
            }
            else if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item);
                }
            }
        }
    }
}
