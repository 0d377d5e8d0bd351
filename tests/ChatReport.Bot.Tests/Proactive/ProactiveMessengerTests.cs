using System.Net;
using ChatReport.Bot.Proactive;
using ChatReport.Bot.Storage.Channels;
using ChatReport.Bot.Tests.Support;
using ChatReport.Dialogs.Schema;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Bot.Tests.Proactive;

public sealed class ProactiveMessengerTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static StoredConversationReference Group(bool verified, string serviceUrl = TestActivities.ServiceUrl) => new()
    {
        ChannelId = "msteams",
        ConversationId = TestActivities.GroupConversationId,
        ServiceUrl = serviceUrl,
        BotId = TestActivities.BotId,
        BotName = "ChatReport",
        UserId = TestActivities.UserId,
        TenantId = "tenant-1",
        IsGroup = true,
        Locale = "zh-CN",
        Verified = verified,
        UpdatedAt = new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero),
    };

    [Fact]
    public async Task AStoredConversationIsContinuedAtTheBottomOfTheConversation()
    {
        await using var app = new ChatReportApplication().WithSetting("MicrosoftAppId", "app-id").WithSetting("MicrosoftAppPassword", "test-secret");
        await app.Get<ConversationReferenceStore>().SaveAsync(Group(verified: true), Token);

        await app.Get<ProactiveMessenger>().ContinueConversationAsync(
            "msteams", TestActivities.GroupConversationId, (turn, ct) => turn.SendTextAsync("今日积分汇总", ct), Token);

        await app.SettleAsync();
        var sent = Assert.Single(app.Connector.Requests);
        Assert.Equal("/amer/v3/conversations/19%3Aabc%40thread.v2%3Bmessageid%3D123/activities", sent.Path);
        Assert.Equal("今日积分汇总", sent.Json.GetProperty("text").GetString());
        Assert.Equal(TestActivities.BotId, sent.Json.GetProperty("from").GetProperty("id").GetString());
        Assert.False(sent.Json.TryGetProperty("replyToId", out _));
    }

    [Fact]
    public async Task AReferenceWithAnActivityIdRepliesInThatThread()
    {
        await using var app = new ChatReportApplication();
        var reference = Group(verified: false).ToConversationReference() with { ActivityId = "root-1" };

        await app.Get<ProactiveMessenger>().ContinueConversationAsync(reference, (turn, ct) => turn.SendTextAsync("reply", ct), Token);

        await app.SettleAsync();
        Assert.EndsWith("/activities/root-1", Assert.Single(app.Connector.Requests).Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithAuthenticationOnAnUnverifiedReferenceIsNotUsed()
    {
        await using var app = new ChatReportApplication().WithSetting("MicrosoftAppId", "app-id").WithSetting("MicrosoftAppPassword", "test-secret");
        await app.Get<ConversationReferenceStore>().SaveAsync(Group(verified: false), Token);

        await Assert.ThrowsAsync<InvalidOperationException>(() => app.Get<ProactiveMessenger>().ContinueConversationAsync(
            "msteams", TestActivities.GroupConversationId, (turn, ct) => turn.SendTextAsync("x", ct), Token));

        Assert.Empty(app.Connector.Requests);
    }

    [Fact]
    public async Task WithAuthenticationOnAServiceUrlOtherThanTheVerifiedOneIsNotUsed()
    {
        await using var app = new ChatReportApplication().WithSetting("MicrosoftAppId", "app-id").WithSetting("MicrosoftAppPassword", "test-secret");
        await app.Get<ConversationReferenceStore>().SaveAsync(Group(verified: true), Token);
        var redirected = Group(verified: true, serviceUrl: "https://attacker.example/").ToConversationReference();

        await Assert.ThrowsAsync<InvalidOperationException>(() => app.Get<ProactiveMessenger>().ContinueConversationAsync(
            redirected, (turn, ct) => turn.SendTextAsync("x", ct), Token));

        Assert.Empty(app.Connector.Requests);
    }

    [Fact]
    public async Task AnUnverifiedSightingDoesNotOverwriteAVerifiedReference()
    {
        await using var app = new ChatReportApplication();
        var store = app.Get<ConversationReferenceStore>();
        await store.SaveAsync(Group(verified: true), Token);

        await store.SaveAsync(Group(verified: false, serviceUrl: "https://attacker.example/"), Token);

        var stored = await store.FindAsync("msteams", TestActivities.GroupConversationId, Token);
        Assert.Equal(TestActivities.ServiceUrl, stored?.ServiceUrl);
        Assert.True(stored?.Verified);
    }

    [Fact]
    public async Task APersonalConversationIsCreatedRememberedAndPostedInto()
    {
        await using var app = new ChatReportApplication();
        app.Connector.Respond = request => request.Path.EndsWith("/v3/conversations", StringComparison.Ordinal)
            ? FakeConnector.Json(HttpStatusCode.Created, """{"id":"a:personal-1"}""")
            : FakeConnector.Json(HttpStatusCode.OK, """{"id":"m1"}""");
        var origin = Group(verified: false).ToConversationReference();
        var secretary = new ChannelAccount { Id = "29:secretary", Name = "张书记" };

        var reference = await app.Get<ProactiveMessenger>().CreateConversationAsync(
            origin, secretary, (turn, ct) => turn.SendTextAsync("有一条新的积分申报待审批", ct), Token);

        await app.SettleAsync();
        Assert.Equal("a:personal-1", reference.Conversation?.Id);
        Assert.Collection(
            app.Connector.Requests,
            create =>
            {
                Assert.Equal("/amer/v3/conversations", create.Path);
                Assert.False(create.Json.GetProperty("isGroup").GetBoolean());
                Assert.Equal(TestActivities.BotId, create.Json.GetProperty("bot").GetProperty("id").GetString());
                Assert.Equal("29:secretary", Assert.Single(create.Json.GetProperty("members").EnumerateArray()).GetProperty("id").GetString());
                Assert.Equal("tenant-1", create.Json.GetProperty("tenantId").GetString());
                Assert.Equal("tenant-1", create.Json.GetProperty("channelData").GetProperty("tenant").GetProperty("id").GetString());
            },
            send =>
            {
                Assert.Equal("/amer/v3/conversations/a%3Apersonal-1/activities", send.Path);
                Assert.Equal("29:secretary", send.Json.GetProperty("recipient").GetProperty("id").GetString());
            });
        var stored = await app.Get<ConversationReferenceStore>().FindPersonalAsync("msteams", "29:secretary", Token);
        Assert.Equal("a:personal-1", stored?.ConversationId);
    }
}
