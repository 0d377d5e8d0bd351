using ChatReport.Conversation.Domain;
using Microsoft.Extensions.DependencyInjection;

namespace ChatReport.Bot.Tests.Conversation;

/// <summary>The whole points loop through /api/messages: a member reports, the secretary is told and approves, the member is told and the points count.</summary>
public sealed class ClaimRoundTripTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AReportedDeedReachesTheSecretaryAsACardAndTheApprovalReachesTheMemberAndTheTotal()
    {
        var (app, client) = await BotChat.StartAppAsync();
        await using var _ = app;
        using var __ = client;
        var branch = await ChatBranch.CreateAsync(app);
        var secretary = BotChat.For(app, client, userId: "29:secretary", userName: "李书记");
        var member = BotChat.For(app, client, userId: "29:member", userName: "王芳");
        Assert.Contains("欢迎李书记", Assert.Single(await secretary.SayAsync($"加入 {branch.SecretaryCode}")), StringComparison.Ordinal);
        await member.SayAsync($"加入 {branch.Code}");
        await member.SayAsync("是");

        await member.SayAsync("申报 昨天下午在村口带头扫雪两个小时");
        await member.SayAsync("跳过");
        var sentBefore = app.Connector.Requests.Count;
        await member.SayAsync("提交");

        var claim = Assert.Single(await app.Services.GetRequiredService<IClaimBook>().ListPendingAsync(branch.Unit.Id, null, Token));
        var notice = Assert.Single(app.Connector.Requests.Skip(sentBefore), r => r.Path.Contains(Uri.EscapeDataString(secretary.ConversationId), StringComparison.Ordinal));
        Assert.Contains($"通过 {claim.Id}", notice.Json.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("application/vnd.microsoft.card.adaptive", notice.Json.GetProperty("attachments")[0].GetProperty("contentType").GetString());

        sentBefore = app.Connector.Requests.Count;
        await secretary.SayAsync($"通过 {claim.Id}");

        var told = Assert.Single(app.Connector.Requests.Skip(sentBefore), r => r.Path.Contains(Uri.EscapeDataString(member.ConversationId), StringComparison.Ordinal));
        Assert.Contains(claim.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), told.Json.GetProperty("text").GetString(), StringComparison.Ordinal);
        // The chat's first new text is the proactive decision notice already checked above.
        Assert.Contains("2026年积分：61 分", (await member.SayAsync("我的积分"))[^1], StringComparison.Ordinal);
    }
}
