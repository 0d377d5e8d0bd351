using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChatReport.Bot.Authentication;
using ChatReport.Bot.DirectLine;
using ChatReport.Bot.Storage.Channels;
using ChatReport.Dialogs.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace ChatReport.Bot.Tests.DirectLine;

public sealed class DirectLineConnectorTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SendToConversationAppendsABotActivityEveryoneSees()
    {
        await using var app = new DirectLineApplication();
        var conversation = await app.StartConversationAsync("u1", cancellationToken: Cancel);
        using var connector = app.CreateHttpClient();

        using var response = await connector.PostAsJsonAsync($"directline/v3/conversations/{conversation.ConversationId}/activities", new { type = "message", text = "今日积分汇总", id = "ignored", from = new { id = "spoof" } }, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<ResourceResponse>(DirectLineJson.Options, Cancel))!.Id;
        using var client = app.CreateHttpClient(conversation.Token);
        var stored = Assert.Single((await client.GetActivitiesAsync(conversation.ConversationId)).Activities);
        Assert.Equal(id, stored.Id);
        Assert.Equal("chatreport", stored.From?.Id);
        Assert.Equal("bot", stored.From?.Role);
        Assert.Null(stored.ReplyToId);
        Assert.NotNull(stored.Timestamp);
    }

    [Fact]
    public async Task UpdatingACardReplacesItInPlaceAndReachesClientsPastTheOldWatermark()
    {
        await using var app = new DirectLineApplication();
        var conversation = await app.StartConversationAsync("u1", cancellationToken: Cancel);
        using var client = app.CreateHttpClient(conversation.Token);
        var asked = await client.SendAsync(conversation.ConversationId, "card");
        var before = await client.GetActivitiesAsync(conversation.ConversationId);
        var card = before.Activities.Single(a => a.ReplyToId == asked);
        Assert.Equal(Attachment.HeroCardContentType, Assert.Single(card.Attachments!).ContentType);
        using var connector = app.CreateHttpClient();

        using var response = await connector.PutAsJsonAsync($"directline/v3/conversations/{conversation.ConversationId}/activities/{Uri.EscapeDataString(card.Id!)}", new { type = "message", text = "已批准" }, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var after = await client.GetActivitiesAsync(conversation.ConversationId, before.Watermark);
        var updated = Assert.Single(after.Activities);
        Assert.Equal(card.Id, updated.Id);
        Assert.Equal("已批准", updated.Text);
        Assert.Equal(card.Timestamp, updated.Timestamp);
        Assert.Equal(asked, updated.ReplyToId);
        var all = await client.GetActivitiesAsync(conversation.ConversationId);
        Assert.Equal(["card", "已批准"], all.Activities.Select(a => a.Text ?? a.Type));
    }

    [Fact]
    public async Task OnlyTheBotsOwnActivitiesCanBeUpdatedAndUnknownOnesAre404()
    {
        await using var app = new DirectLineApplication();
        var conversation = await app.StartConversationAsync("u1", cancellationToken: Cancel);
        using var client = app.CreateHttpClient(conversation.Token);
        var users = await client.SendAsync(conversation.ConversationId, "silent");
        using var connector = app.CreateHttpClient();

        using var forbidden = await connector.PutAsJsonAsync($"directline/v3/conversations/{conversation.ConversationId}/activities/{Uri.EscapeDataString(users)}", new { type = "message", text = "改写" }, Cancel);
        using var unknown = await connector.PutAsJsonAsync($"directline/v3/conversations/{conversation.ConversationId}/activities/nope", new { type = "message", text = "改写" }, Cancel);

        await forbidden.AssertErrorAsync(HttpStatusCode.Forbidden, "Forbidden");
        await unknown.AssertErrorAsync(HttpStatusCode.NotFound, "NotFound");
        Assert.Equal("silent", Assert.Single((await client.GetActivitiesAsync(conversation.ConversationId)).Activities).Text);
    }

    [Fact]
    public async Task DeletingRemovesTheActivityFromTheHistory()
    {
        await using var app = new DirectLineApplication();
        var conversation = await app.StartConversationAsync("u1", cancellationToken: Cancel);
        using var connector = app.CreateHttpClient();
        using var sent = await connector.PostAsJsonAsync($"directline/v3/conversations/{conversation.ConversationId}/activities", new { type = "message", text = "发错了" }, Cancel);
        var id = (await sent.Content.ReadFromJsonAsync<ResourceResponse>(DirectLineJson.Options, Cancel))!.Id!;

        using var deleted = await connector.DeleteAsync($"directline/v3/conversations/{conversation.ConversationId}/activities/{Uri.EscapeDataString(id)}", Cancel);
        using var again = await connector.DeleteAsync($"directline/v3/conversations/{conversation.ConversationId}/activities/{Uri.EscapeDataString(id)}", Cancel);

        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        await again.AssertErrorAsync(HttpStatusCode.NotFound, "NotFound");
        using var client = app.CreateHttpClient(conversation.Token);
        Assert.Empty((await client.GetActivitiesAsync(conversation.ConversationId)).Activities);
    }

    [Fact]
    public async Task MembersAreListedOneByOneAndPerActivity()
    {
        await using var app = new DirectLineApplication();
        var conversation = await app.StartConversationAsync("u1", "王芳", Cancel);
        using var client = app.CreateHttpClient(conversation.Token);
        var id = await client.SendAsync(conversation.ConversationId, "silent");
        using var connector = app.CreateHttpClient();
        var baseUrl = $"directline/v3/conversations/{conversation.ConversationId}";

        var member = await connector.GetFromJsonAsync<ChannelAccount>($"{baseUrl}/members/u1", DirectLineJson.Options, Cancel);
        var activityMembers = await connector.GetFromJsonAsync<List<ChannelAccount>>($"{baseUrl}/activities/{Uri.EscapeDataString(id)}/members", DirectLineJson.Options, Cancel);
        using var stranger = await connector.GetAsync($"{baseUrl}/members/nobody", Cancel);

        Assert.Equal("王芳", member!.Name);
        Assert.Equal("u1", Assert.Single(activityMembers!).Id);
        await stranger.AssertErrorAsync(HttpStatusCode.NotFound, "NotFound");
    }

    [Fact]
    public async Task CreatingAOneToOneConversationLandsInTheUsersPrivateChat()
    {
        await using var app = new DirectLineApplication();
        var (token, _) = await app.JoinAsync("secretary", "书记");
        using var connector = app.CreateHttpClient();

        using var response = await connector.PostAsJsonAsync("directline/v3/conversations", new
        {
            isGroup = false,
            bot = new { id = "chatreport" },
            members = new[] { new { id = "secretary" } },
            activity = new { type = "message", text = "有一条新的积分申请待审核" },
        }, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<ConversationResourceResponse>(DirectLineJson.Options, Cancel))!;
        Assert.Equal(token.ConversationId, created.Id);
        Assert.Equal($"{app.BaseAddress}directline/", created.ServiceUrl);
        using var client = app.CreateHttpClient(token.Token);
        var notice = Assert.Single((await client.GetActivitiesAsync(token.ConversationId)).Activities);
        Assert.Equal(created.ActivityId, notice.Id);
        Assert.Equal("有一条新的积分申请待审核", notice.Text);
    }

    [Fact]
    public async Task AOneToOneConversationForAUserWhoNeverCameIsWaitingForThem()
    {
        await using var app = new DirectLineApplication();
        using var connector = app.CreateHttpClient();
        using var response = await connector.PostAsJsonAsync("directline/v3/conversations", new { members = new[] { new { id = "newcomer", name = "新人" } } }, Cancel);
        var created = (await response.Content.ReadFromJsonAsync<ConversationResourceResponse>(DirectLineJson.Options, Cancel))!;
        using var sent = await connector.PostAsJsonAsync($"directline/v3/conversations/{created.Id}/activities", new { type = "message", text = "欢迎加入" }, Cancel);

        var (token, _) = await app.JoinAsync("newcomer", "新人");

        Assert.Equal(created.Id, token.ConversationId);
        using var client = app.CreateHttpClient(token.Token);
        Assert.Equal("欢迎加入", Assert.Single((await client.GetActivitiesAsync(token.ConversationId)).Activities).Text);
    }

    [Theory]
    [InlineData("""{"isGroup":true,"members":[{"id":"a"},{"id":"b"}]}""", HttpStatusCode.BadRequest, "BadArgument")]
    [InlineData("""{"members":[]}""", HttpStatusCode.BadRequest, "BadArgument")]
    [InlineData("""{"members":[{"id":"a"},{"id":"b"}]}""", HttpStatusCode.BadRequest, "BadArgument")]
    [InlineData("""{"members":[{"id":"a"}],"activity":{"text":"no type"}}""", HttpStatusCode.BadRequest, "MissingProperty")]
    [InlineData("""{"members":"a"}""", HttpStatusCode.BadRequest, "BadSyntax")]
    [InlineData("", HttpStatusCode.BadRequest, "MissingProperty")]
    public async Task BadCreateConversationRequestsGet400(string body, HttpStatusCode status, string code)
    {
        await using var app = new DirectLineApplication();
        using var connector = app.CreateHttpClient();
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        using var response = await connector.PostAsync("directline/v3/conversations", content, Cancel);

        await response.AssertErrorAsync(status, code);
    }

    [Fact]
    public async Task ConnectorCallsForUnknownConversationsOrWithoutATypeAre4xx()
    {
        await using var app = new DirectLineApplication();
        var conversation = await app.StartConversationAsync("u1", cancellationToken: Cancel);
        using var connector = app.CreateHttpClient();

        using var unknown = await connector.PostAsJsonAsync("directline/v3/conversations/nope/activities", new { type = "message" }, Cancel);
        using var noType = await connector.PostAsJsonAsync($"directline/v3/conversations/{conversation.ConversationId}/activities/x", new { text = "hi" }, Cancel);
        using var members = await connector.GetAsync("directline/v3/conversations/nope/members", Cancel);

        await unknown.AssertErrorAsync(HttpStatusCode.NotFound, "NotFound");
        await noType.AssertErrorAsync(HttpStatusCode.BadRequest, "MissingProperty");
        await members.AssertErrorAsync(HttpStatusCode.NotFound, "NotFound");
    }

    [Fact]
    public async Task AttachmentsUploadedByTheBotAreServedBack()
    {
        await using var app = new DirectLineApplication();
        var conversation = await app.StartConversationAsync("u1", cancellationToken: Cancel);
        using var connector = app.CreateHttpClient();
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 1, 2, 3];

        using var response = await connector.PostAsJsonAsync($"directline/v3/conversations/{conversation.ConversationId}/attachments", new { type = "image/png", name = "证明.png", originalBase64 = Convert.ToBase64String(png) }, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<ResourceResponse>(DirectLineJson.Options, Cancel))!.Id;
        using var info = JsonDocument.Parse(await connector.GetStringAsync($"directline/v3/attachments/{id}", Cancel));
        Assert.Equal("证明.png", info.RootElement.GetProperty("name").GetString());
        Assert.Equal(png.Length, info.RootElement.GetProperty("views")[0].GetProperty("size").GetInt32());
        using var view = await connector.GetAsync($"directline/v3/attachments/{id}/views/original", Cancel);
        Assert.Equal("image/png", view.Content.Headers.ContentType?.MediaType);
        Assert.Equal(png, await view.Content.ReadAsByteArrayAsync(Cancel));
        using var missing = await connector.GetAsync("directline/v3/attachments/nope/views/original", Cancel);
        await missing.AssertErrorAsync(HttpStatusCode.NotFound, "NotFound");
    }

    [Fact]
    public async Task WithAnAppIdTheConnectorRoutesWantTheBotsOwnToken()
    {
        await using var app = new DirectLineApplication(
            settings: new Dictionary<string, string?>
            {
                ["MicrosoftAppId"] = "00000000-0000-0000-0000-000000000001",
                ["MicrosoftAppPassword"] = "test-secret",
                ["DirectLine:Enabled"] = "true",
            },
            services: services => services.AddSingleton<IConnectorCredentials>(new FixedCredentials("the-bots-token")));
        var conversation = await app.StartConversationAsync("u1", cancellationToken: Cancel);
        var url = $"directline/v3/conversations/{conversation.ConversationId}/activities";
        using var anonymous = app.CreateHttpClient();
        using var stranger = app.CreateHttpClient("someone-elses-token");
        using var bot = app.CreateHttpClient("the-bots-token");

        using var withoutToken = await anonymous.PostAsJsonAsync(url, new { type = "message", text = "x" }, Cancel);
        using var wrongToken = await stranger.PostAsJsonAsync(url, new { type = "message", text = "x" }, Cancel);
        using var ownToken = await bot.PostAsJsonAsync(url, new { type = "message", text = "x" }, Cancel);

        await withoutToken.AssertErrorAsync(HttpStatusCode.Unauthorized, "Unauthorized");
        await wrongToken.AssertErrorAsync(HttpStatusCode.Unauthorized, "Unauthorized");
        Assert.Equal(HttpStatusCode.OK, ownToken.StatusCode);
    }

    private sealed class FixedCredentials(string token) : IConnectorCredentials
    {
        public Task<string?> GetAccessTokenAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(token);
    }
}
