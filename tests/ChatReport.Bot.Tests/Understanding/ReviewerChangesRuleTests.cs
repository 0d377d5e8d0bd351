using System.Text.Json;
using ChatReport.Bot.Tests.Conversation;
using ChatReport.Bot.Tests.Support;
using ChatReport.Conversation.Domain;
using Microsoft.Extensions.DependencyInjection;

namespace ChatReport.Bot.Tests.Understanding;

/// <summary>
/// A reviewer moves a pending claim to another rule from the conversation (改规则 12 周行一善, or
/// the card's button and a choice): the points follow the new rule, the member is told, the audit
/// log has it, and the claim's words count for the new rule in that branch once it is approved.
/// Strangers, members who review nothing, unknown rules and decided claims change nothing.
/// </summary>
public sealed class ReviewerChangesRuleTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AReviewerMovesAClaimToAnotherRuleThePointsFollowTheMemberIsToldAndItsWordsAreLearnedForTheNewRule()
    {
        var (app, client) = await BotChat.StartAppAsync();
        await using var _ = app;
        using var __ = client;
        var branch = await ChatBranch.CreateAsync(app);
        var secretary = await JoinAsync(app, client, branch.SecretaryCode, "29:secretary", "李书记", confirmName: false);
        var member = await JoinAsync(app, client, branch.Code, "29:member", "王芳");
        var claim = await ReportAsync(app, branch, member, "申报 前天去地里帮人收玉米");
        var rules = app.Services.GetRequiredService<IRuleBook>();
        var goodDeed = (await rules.FindByCodeAsync("weekly_good_deed", Token))!;
        Assert.Equal("voluntary_labour", (await rules.GetAsync(claim.RuleId, Token))!.Code);
        Assert.Equal(2, claim.ClaimedPoints);
        var sentBefore = app.Connector.Requests.Count;

        var reply = await secretary.SayAsync($"改规则 {claim.Id} 周行一善");

        Assert.Contains($"已把第 {claim.Id} 号申报改为「周行一善」，按这一项计 1 分", string.Join('\n', reply), StringComparison.Ordinal);
        var changed = (await app.Services.GetRequiredService<IClaimBook>().GetAsync(claim.Id, Token))!;
        Assert.Equal((goodDeed.Id, 1, ClaimStatus.Pending), (changed.RuleId, changed.ClaimedPoints, changed.Status));
        await app.SettleAsync();
        Assert.Contains(
            TextsTo(app, member.ConversationId, sentBefore),
            t => t.Contains($"你的第 {claim.Id} 号申报", StringComparison.Ordinal) && t.Contains("从「义务劳动」改为「周行一善」，现为 1 分", StringComparison.Ordinal));
        var audit = await app.Services.GetRequiredService<IAuditTrail>().ListForSubjectAsync(AuditSubjects.Claim, claim.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Token);
        Assert.Contains(audit, a => a.Action == "claim.change_rule" && a.ActorId == branch.Secretary.Id);

        // The words are recorded for the new rule, and count once the claim is approved under it.
        var words = app.Services.GetRequiredService<ILearnedWordBook>();
        Assert.Contains(await words.ListAsync(branch.Unit.Id, Token), w => w.Word == "玉米" && w.RuleId == goodDeed.Id && w.ApprovedClaims == 0);
        await secretary.SayAsync($"通过 {claim.Id}");
        Assert.Contains(await words.ListAsync(branch.Unit.Id, Token), w => w.Word == "玉米" && w.RuleId == goodDeed.Id && w.ApprovedClaims == 1);
        Assert.DoesNotContain(await words.ListAsync(branch.Unit.Id, Token), w => w.Word == "玉米" && w.RuleId != goodDeed.Id && w.ApprovedClaims > 0);
    }

    [Fact]
    public async Task TheCardsButtonOffersTheRulesAsChoicesAndEnglishWorksToo()
    {
        var (app, client) = await BotChat.StartAppAsync();
        await using var _ = app;
        using var __ = client;
        var branch = await ChatBranch.CreateAsync(app);
        var secretary = await JoinAsync(app, client, branch.SecretaryCode, "29:secretary", "李书记", confirmName: false);
        var member = await JoinAsync(app, client, branch.Code, "29:member", "王芳");
        var claim = await ReportAsync(app, branch, member, "申报 前天去地里帮人收玉米");
        await app.SettleAsync();
        var card = app.Connector.Requests.Select(r => r.Json)
            .Where(j => j.ValueKind == JsonValueKind.Object && j.TryGetProperty("conversation", out var c) && c.GetProperty("id").GetString() == secretary.ConversationId)
            .Last(j => j.ReadText().Contains("提交了新的积分申报", StringComparison.Ordinal));
        Assert.Contains($"改规则 {claim.Id}", Strings(card.GetProperty("attachments")));

        var asked = await secretary.SayAsync($"改规则 {claim.Id}");
        Assert.Contains($"第 {claim.Id} 号申报现在是「义务劳动」，改为哪一项？", string.Join('\n', asked), StringComparison.Ordinal);
        Assert.Contains(asked, r => r.Contains("志愿服务", StringComparison.Ordinal));
        Assert.DoesNotContain(asked, r => r.Contains(". 义务劳动", StringComparison.Ordinal));
        await secretary.SayAsync("志愿服务");
        var claims = app.Services.GetRequiredService<IClaimBook>();
        var rules = app.Services.GetRequiredService<IRuleBook>();
        Assert.Equal("volunteer_service", (await rules.GetAsync((await claims.GetAsync(claim.Id, Token))!.RuleId, Token))!.Code);

        var english = await secretary.SayAsync($"change-rule {claim.Id} residents_need");
        Assert.Contains("改为「认领群众需求」，按这一项计 3 分", string.Join('\n', english), StringComparison.Ordinal);
        var now = (await claims.GetAsync(claim.Id, Token))!;
        Assert.Equal(("residents_need", 3), ((await rules.GetAsync(now.RuleId, Token))!.Code, now.ClaimedPoints));
    }

    [Fact]
    public async Task StrangersNonReviewersUnknownRulesAndDecidedClaimsChangeNothing()
    {
        var (app, client) = await BotChat.StartAppAsync();
        await using var _ = app;
        using var __ = client;
        var branch = await ChatBranch.CreateAsync(app);
        var secretary = await JoinAsync(app, client, branch.SecretaryCode, "29:secretary", "李书记", confirmName: false);
        var member = await JoinAsync(app, client, branch.Code, "29:member", "王芳");
        var other = await JoinAsync(app, client, branch.Code, "29:other", "赵强");
        var stranger = BotChat.For(app, client, userId: "29:stranger", userName: "路人");
        var claim = await ReportAsync(app, branch, member, "申报 前天去地里帮人收玉米");
        var claims = app.Services.GetRequiredService<IClaimBook>();

        Assert.Contains("您还没有加入支部", string.Join('\n', await stranger.SayAsync($"改规则 {claim.Id} 周行一善")), StringComparison.Ordinal);
        Assert.Contains("只有本支部的书记", string.Join('\n', await other.SayAsync($"改规则 {claim.Id} 周行一善")), StringComparison.Ordinal);
        Assert.Contains("只有本支部的书记", string.Join('\n', await member.SayAsync($"改规则 {claim.Id} 周行一善")), StringComparison.Ordinal);
        Assert.Contains("没有叫“跳广场舞”的项目", string.Join('\n', await secretary.SayAsync($"改规则 {claim.Id} 跳广场舞")), StringComparison.Ordinal);
        Assert.Contains("没有找到第 99999 号申报", string.Join('\n', await secretary.SayAsync("改规则 99999 周行一善")), StringComparison.Ordinal);
        Assert.Equal((claim.RuleId, claim.ClaimedPoints), ((await claims.GetAsync(claim.Id, Token))!.RuleId, (await claims.GetAsync(claim.Id, Token))!.ClaimedPoints));

        await secretary.SayAsync($"通过 {claim.Id}");
        Assert.Contains("已由李书记处理（已通过）", string.Join('\n', await secretary.SayAsync($"改规则 {claim.Id} 周行一善")), StringComparison.Ordinal);
        var decided = (await claims.GetAsync(claim.Id, Token))!;
        Assert.Equal((claim.RuleId, ClaimStatus.Approved), (decided.RuleId, decided.Status));
        var audit = await app.Services.GetRequiredService<IAuditTrail>().ListForSubjectAsync(AuditSubjects.Claim, claim.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Token);
        Assert.DoesNotContain(audit, a => a.Action == "claim.change_rule");
    }

    // Reports a deed as a member would (picking 义务劳动 when asked, skipping the rest) and submits it.
    internal static async Task<Claim> ReportAsync(ChatReportApplication app, ChatBranch branch, BotChat member, string sentence)
    {
        var replies = await member.SayAsync(sentence);
        for (var turn = 0; turn < 8; turn++)
        {
            var last = replies.Count > 0 ? replies[^1] : string.Empty;
            if (last.Contains("请看一下对不对", StringComparison.Ordinal))
            {
                await member.SayAsync("提交");
                break;
            }

            replies = await member.SayAsync(last.Contains("这件事算哪一项？", StringComparison.Ordinal) ? "义务劳动" : "跳过");
        }

        var pending = await app.Services.GetRequiredService<IClaimBook>().ListPendingAsync(branch.Unit.Id, null, Token);
        return pending.Single(c => c.Description.Contains("玉米", StringComparison.Ordinal) || c.Description.Contains(sentence[3..], StringComparison.Ordinal));
    }

    internal static async Task<BotChat> JoinAsync(ChatReportApplication app, HttpClient client, string code, string userId, string name, bool confirmName = true)
    {
        var chat = BotChat.For(app, client, userId: userId, userName: name);
        await chat.SayAsync($"加入 {code}");
        if (confirmName)
        {
            await chat.SayAsync("是");
        }

        return chat;
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        _ => [],
    };

    private static List<string> TextsTo(ChatReportApplication app, string conversationId, int since) =>
        [.. app.Connector.Requests.Skip(since)
            .Select(r => r.Json)
            .Where(j => j.ValueKind == JsonValueKind.Object && j.TryGetProperty("conversation", out var c) && c.GetProperty("id").GetString() == conversationId)
            .Select(j => j.ReadText())];
}
