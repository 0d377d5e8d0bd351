using ChatReport.Bot.Tests.Review;
using ChatReport.Conversation.Administration;
using ChatReport.Conversation.Domain;

namespace ChatReport.Bot.Tests.Administration;

/// <summary>Each administration command over the real SQLite stores, driven as a conversation.</summary>
public sealed class AdministrationDialogTests
{
    private static readonly AdministrationTexts Zh = AdministrationTexts.Chinese;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnAdministratorCreatesABranchUnderTheirOwnUnitByDefault()
    {
        using var world = await AdministrationWorld.CreateAsync();
        await world.Flow()
            .SendAs("吴主任", "新建支部 后沟村党支部")
            .AssertReplyContains("已创建“后沟村党支部”")
            .RunAsync(Ct);

        var created = Assert.Single(await world.World.Stores.Units.FindUnitsByNameAsync("后沟村党支部", Ct));
        Assert.Equal(world.World.Branch.Committee.Id, created.ParentId);
        Assert.Equal(OrgUnitKind.Branch, created.Kind);
        Assert.Equal(LocalCalendar.DefaultTimeZone, created.TimeZone);
    }

    [Fact]
    public async Task AGroupCanBeCreatedUnderABranchWithATimeZoneAndTheNameIsAskedWhenMissing()
    {
        using var world = await AdministrationWorld.CreateAsync();
        await world.Flow()
            .SendAs("吴主任", "新建党小组")
            .AssertReply(Zh.AskNewUnitName)
            .SendAs("吴主任", "一号楼党小组")
            .AssertReplyContains("已创建")
            .SendAs("吴主任", "新建党小组 二号楼党小组 山岔村党支部 Asia/Urumqi")
            .AssertReplyContains("时区：Asia/Urumqi")
            .RunAsync(Ct);

        var group = Assert.Single(await world.World.Stores.Units.FindUnitsByNameAsync("二号楼党小组", Ct));
        Assert.Equal(world.World.Branch.Unit.Id, group.ParentId);
        Assert.Equal(OrgUnitKind.Group, group.Kind);
    }

    [Fact]
    public async Task AnUnknownTimeZoneIsRefusedBeforeAnythingIsCreated()
    {
        using var world = await AdministrationWorld.CreateAsync();
        var before = await world.AuditCountAsync();
        await world.Flow()
            .SendAs("吴主任", "新建支部 后沟村党支部 山岔村党委 Mars/Olympus")
            .AssertReply(Zh.UnknownTimeZone("Mars/Olympus"))
            .RunAsync(Ct);

        Assert.Empty(await world.World.Stores.Units.FindUnitsByNameAsync("后沟村党支部", Ct));
        Assert.Equal(before, await world.AuditCountAsync());
    }

    [Fact]
    public async Task EnglishCommandsWorkToo()
    {
        using var world = await AdministrationWorld.CreateAsync();
        await world.Flow("en-US")
            .SendAs("吴主任", "create branch \"Hill Village\"")
            .AssertReplyContains("Created \"Hill Village\"")
            .RunAsync(Ct);

        Assert.Single(await world.World.Stores.Units.FindUnitsByNameAsync("Hill Village", Ct));
    }

    [Fact]
    public async Task AppointingASecretaryReplacesTheCurrentOneAfterConfirmation()
    {
        using var world = await AdministrationWorld.CreateAsync();
        var branch = world.World.Branch.Unit.Id;
        await world.Flow()
            .SendAs("吴主任", "任命書記 山岔村党支部 王五")
            .AssertReplyContains("现任书记：李书记")
            .SendAs("吴主任", "是")
            .AssertReply(Zh.Appointed("山岔村党支部", "王五"))
            .RunAsync(Ct);

        Assert.Contains(Role.Secretary, await world.RolesAsync("王五", branch));
        Assert.DoesNotContain(Role.Secretary, await world.RolesAsync("李书记", branch));
        Assert.True(await world.World.Stores.Members.CanReviewAsync(world["王五"].Id, branch, Ct));
    }

    [Fact]
    public async Task MissingPartsAreAskedForAndNoAtTheConfirmationChangesNothing()
    {
        using var world = await AdministrationWorld.CreateAsync();
        var branch = world.World.Branch.Unit.Id;
        var before = await world.AuditCountAsync();
        await world.Flow()
            .SendAs("吴主任", "任命书记")
            .AssertReply(Zh.AskUnit)
            .SendAs("吴主任", "山岔村")
            .AssertReply(reply => Assert.StartsWith(Zh.WhichUnit("山岔村"), reply.Text!, StringComparison.Ordinal))
            .SendAs("吴主任", "2")
            .AssertReply(Zh.AskMember)
            .SendAs("吴主任", "王五")
            .AssertReplyContains("任命王五")
            .SendAs("吴主任", "不")
            .AssertReply(Zh.NothingChanged)
            .RunAsync(Ct);

        Assert.Contains(Role.Secretary, await world.RolesAsync("李书记", branch));
        Assert.DoesNotContain(Role.Secretary, await world.RolesAsync("王五", branch));
        Assert.Equal(before, await world.AuditCountAsync());
    }

    [Fact]
    public async Task ASecretaryAllowsACommitteeMemberToReview()
    {
        using var world = await AdministrationWorld.CreateAsync();
        var branch = world.World.Branch.Unit.Id;
        Assert.False(await world.World.Stores.Members.CanReviewAsync(world["赵六"].Id, branch, Ct));
        await world.Flow()
            .SendAs("李书记", "允許審核 赵六")
            .AssertReply(Zh.ReviewAllowed("赵六", "山岔村党支部"))
            .RunAsync(Ct);

        Assert.True(await world.World.Stores.Members.CanReviewAsync(world["赵六"].Id, branch, Ct));
    }

    [Fact]
    public async Task ASecretaryIssuesACodeForTheirBranchWithoutNamingItAndRevokesIt()
    {
        using var world = await AdministrationWorld.CreateAsync();
        string? code = null;
        await world.Flow()
            .SendAs("李书记", "生成邀请码")
            .AssertReply(reply =>
            {
                code = System.Text.RegularExpressions.Regex.Match(reply.Text!, "[0-9]{6}").Value;
                Assert.Contains("山岔村党支部", reply.Text!, StringComparison.Ordinal);
                Assert.Contains(Zh.CodeExpires("2026-12-26 20:00"), reply.Text!, StringComparison.Ordinal);
            })
            .RunAsync(Ct);

        var issued = await world.World.Stores.JoinCodes.GetAsync(code!, Ct);
        Assert.NotNull(issued);
        Assert.Equal(world.World.Branch.Unit.Id, issued.UnitId);
        Assert.True(issued.IsUsableAt(world.World.Db.Time.GetUtcNow()));

        await world.Flow()
            .SendAs("李书记", "作废邀请码 " + code)
            .AssertReply(Zh.ConfirmRevoke(code!, "山岔村党支部"))
            .SendAs("李书记", "是")
            .AssertReply(Zh.CodeRevoked(code!))
            .SendAs("李书记", "作废邀请码 " + code)
            .AssertReply(Zh.CodeAlreadyRevoked(code!))
            .RunAsync(Ct);

        Assert.NotNull((await world.World.Stores.JoinCodes.GetAsync(code!, Ct))!.RevokedAt);
    }

    [Fact]
    public async Task AnAdministratorMovesAMemberAfterConfirmation()
    {
        using var world = await AdministrationWorld.CreateAsync();
        await world.Flow()
            .SendAs("吴主任", "调动 王五 到 河口村党支部")
            .AssertReply(Zh.ConfirmMove("王五", "山岔村党支部", "河口村党支部"))
            .SendAs("吴主任", "是")
            .AssertReply(Zh.Moved("王五", "河口村党支部"))
            .RunAsync(Ct);

        Assert.Equal(world.World.OtherBranch.Id, (await world.World.Stores.Members.GetAsync(world["王五"].Id, Ct))!.UnitId);
    }

    [Fact]
    public async Task AmbiguousNamesAreResolvedWithAChoiceBeforeDeactivating()
    {
        using var world = await AdministrationWorld.CreateAsync();
        var otherZhang = await world.World.Stores.Members.AddMemberAsync(world.World.OtherBranch.Id, "张三", null, Ct);
        await world.Flow()
            .SendAs("吴主任", "停用 张三")
            .AssertReply(reply =>
            {
                Assert.StartsWith(Zh.WhichMember("张三"), reply.Text!, StringComparison.Ordinal);
                Assert.Contains("河口村党支部", reply.Text!, StringComparison.Ordinal);
            })
            .SendAs("吴主任", Zh.MemberChoice("张三", "河口村党支部", otherZhang.Id))
            .AssertReply(Zh.ConfirmDeactivate("张三", "河口村党支部"))
            .SendAs("吴主任", "是")
            .AssertReply(Zh.Deactivated("张三"))
            .RunAsync(Ct);

        Assert.False((await world.World.Stores.Members.GetAsync(otherZhang.Id, Ct))!.IsActive);
        Assert.True((await world.World.Stores.Members.GetAsync(world["张三"].Id, Ct))!.IsActive);
    }

    [Fact]
    public async Task ReloadingTheRulesReportsWhatChanged()
    {
        using var world = await AdministrationWorld.CreateAsync();
        await world.Flow()
            .SendAs("吴主任", "重新載入規則")
            .AssertReply(reply =>
            {
                Assert.StartsWith("积分规则已重新加载。", reply.Text!, StringComparison.Ordinal);
                Assert.Contains("新增：-", reply.Text!, StringComparison.Ordinal);
            })
            .RunAsync(Ct);
    }
}
