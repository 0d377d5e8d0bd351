using ChatReport.Bot.Tests.Conversation;
using ChatReport.Conversation.Domain;
using Microsoft.Extensions.DependencyInjection;

namespace ChatReport.Bot.Tests.Understanding;

/// <summary>
/// A branch's secretary sees and removes the words the branch taught the bot from the chat
/// (学习词, 删除学习词 玉米); members, strangers and secretaries of other branches cannot, and
/// one branch's removal never touches another's words.
/// </summary>
public sealed class LearnedWordsChatTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ASecretaryListsAndRemovesTheBranchsLearnedWordsAndNobodyElseCan()
    {
        var (app, client) = await BotChat.StartAppAsync();
        await using var _ = app;
        using var __ = client;
        var branch = await ChatBranch.CreateAsync(app);
        var secretary = await ReviewerChangesRuleTests.JoinAsync(app, client, branch.SecretaryCode, "29:secretary", "李书记", confirmName: false);
        var member = await ReviewerChangesRuleTests.JoinAsync(app, client, branch.Code, "29:member", "王芳");
        var stranger = BotChat.For(app, client, userId: "29:stranger", userName: "路人");
        Assert.Contains("还没有学到任何词", string.Join('\n', await secretary.SayAsync("学习词")), StringComparison.Ordinal);

        var claim = await ReviewerChangesRuleTests.ReportAsync(app, branch, member, "申报 前天去地里帮人收玉米");
        await secretary.SayAsync($"通过 {claim.Id}");

        var listed = string.Join('\n', await secretary.SayAsync("学习词"));
        Assert.Contains("山岔村党支部学到的词", listed, StringComparison.Ordinal);
        Assert.Contains("玉米 → 义务劳动（1 条通过）", listed, StringComparison.Ordinal);
        Assert.Contains("只有本支部的书记或管理员", string.Join('\n', await member.SayAsync("学习词")), StringComparison.Ordinal);
        Assert.Contains("只有本支部的书记或管理员", string.Join('\n', await member.SayAsync("删除学习词 玉米")), StringComparison.Ordinal);
        Assert.DoesNotContain("玉米", string.Join('\n', await stranger.SayAsync("删除学习词 玉米")), StringComparison.Ordinal);
        var words = app.Services.GetRequiredService<ILearnedWordBook>();
        Assert.Contains(await words.ListAsync(branch.Unit.Id, Token), w => w.Word == "玉米");

        Assert.Contains("已删除山岔村党支部学到的“玉米”", string.Join('\n', await secretary.SayAsync("删除学习词 玉米")), StringComparison.Ordinal);
        Assert.DoesNotContain(await words.ListAsync(branch.Unit.Id, Token), w => w.Word == "玉米");
        Assert.Contains("没有学到“玉米”这个词", string.Join('\n', await secretary.SayAsync("forget word 玉米")), StringComparison.Ordinal);
        var audit = await app.Services.GetRequiredService<IAuditTrail>().ListForSubjectAsync(AuditSubjects.LearnedWord, $"{branch.Unit.Id}/玉米", Token);
        Assert.Equal(branch.Secretary.Id, Assert.Single(audit).ActorId);
    }

    [Fact]
    public async Task AnotherBranchsSecretaryNeitherSeesNorRemovesTheWords()
    {
        var (app, client) = await BotChat.StartAppAsync();
        await using var _ = app;
        using var __ = client;
        var branch = await ChatBranch.CreateAsync(app);
        var secretary = await ReviewerChangesRuleTests.JoinAsync(app, client, branch.SecretaryCode, "29:secretary", "李书记", confirmName: false);
        var member = await ReviewerChangesRuleTests.JoinAsync(app, client, branch.Code, "29:member", "王芳");
        var claim = await ReviewerChangesRuleTests.ReportAsync(app, branch, member, "申报 前天去地里帮人收玉米");
        await secretary.SayAsync($"通过 {claim.Id}");

        var units = app.Services.GetRequiredService<IOrganisation>();
        var members = app.Services.GetRequiredService<IMemberDirectory>();
        var otherUnit = await units.CreateUnitAsync(new NewOrgUnit(branch.Unit.ParentId, OrgUnitKind.Branch, "河口村党支部"), null, Token);
        var otherSecretary = await members.AddMemberAsync(otherUnit.Id, "张书记", null, Token);
        await members.GrantRoleAsync(otherUnit.Id, otherSecretary.Id, Role.Secretary, canReview: true, null, Token);
        var code = await app.Services.GetRequiredService<IJoinCodes>().IssuePersonalAsync(otherSecretary.Id, null, null, Token);
        var elsewhere = await ReviewerChangesRuleTests.JoinAsync(app, client, code!.Code, "29:elsewhere", "张书记", confirmName: false);

        Assert.Contains("河口村党支部还没有学到任何词", string.Join('\n', await elsewhere.SayAsync("学习词")), StringComparison.Ordinal);
        Assert.Contains("只有本支部的书记或管理员", string.Join('\n', await elsewhere.SayAsync($"学习词 #{branch.Unit.Id}")), StringComparison.Ordinal);
        Assert.Contains("只有本支部的书记或管理员", string.Join('\n', await elsewhere.SayAsync($"删除学习词 玉米 #{branch.Unit.Id}")), StringComparison.Ordinal);
        Assert.Contains("河口村党支部没有学到“玉米”", string.Join('\n', await elsewhere.SayAsync("删除学习词 玉米")), StringComparison.Ordinal);
        Assert.Contains(await app.Services.GetRequiredService<ILearnedWordBook>().ListAsync(branch.Unit.Id, Token), w => w.Word == "玉米" && w.ApprovedClaims == 1);
    }
}
