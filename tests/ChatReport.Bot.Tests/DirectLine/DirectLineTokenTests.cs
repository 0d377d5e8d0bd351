using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ChatReport.Bot.DirectLine;
using ChatReport.Bot.Storage.Channels;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace ChatReport.Bot.Tests.DirectLine;

public sealed class DirectLineTokenTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static FakeTimeProvider NewTime() => new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task ATokenIsAJwtNamingItsUserSoDirectLineJsPostsOnlyAsThatUser()
    {
        await using var app = new DirectLineApplication();

        var conversation = await app.StartConversationAsync("u1", "王芳", Cancel);

        var parts = conversation.Token!.Split('.');
        Assert.Equal(3, parts.Length);
        using var payload = JsonDocument.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1]));
        Assert.Equal("u1", payload.RootElement.GetProperty("user").GetString());
        Assert.Equal(conversation.ConversationId, payload.RootElement.GetProperty("conv").GetString());
    }

    [Fact]
    public async Task RefreshingATokenGivesANewTokenForTheSameConversationAndUser()
    {
        var time = NewTime();
        await using var app = new DirectLineApplication(time: time);
        var conversation = await app.StartConversationAsync("u1", cancellationToken: Cancel);
        time.Advance(TimeSpan.FromMinutes(15));
        using var client = app.CreateHttpClient(conversation.Token);

        using var response = await client.PostAsync("v3/directline/tokens/refresh", null, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var refreshed = (await response.Content.ReadFromJsonAsync<ConversationResponse>(DirectLineJson.Options, Cancel))!;
        Assert.Equal(conversation.ConversationId, refreshed.ConversationId);
        Assert.NotEqual(conversation.Token, refreshed.Token);
        Assert.Equal(1800, refreshed.ExpiresIn);
        time.Advance(TimeSpan.FromMinutes(20));
        using var withNew = app.CreateHttpClient(refreshed.Token);
        var id = await withNew.SendAsync(conversation.ConversationId, "还在");
        Assert.Equal("u1", app.Bot.Received.Single(a => a.Id == id).From?.Id);
    }

    [Fact]
    public async Task AnExpiredTokenIsRefusedWith403TokenExpiredAndCannotBeRefreshed()
    {
        var time = NewTime();
        await using var app = new DirectLineApplication(time: time);
        var conversation = await app.StartConversationAsync("u1", cancellationToken: Cancel);
        using var client = app.CreateHttpClient(conversation.Token);
        time.Advance(TimeSpan.FromMinutes(30));

        using var get = await client.GetAsync($"v3/directline/conversations/{conversation.ConversationId}/activities", Cancel);
        using var post = await client.PostActivityAsync(conversation.ConversationId, new { type = "message", text = "迟到", from = new { id = "u1" } });
        using var refresh = await client.PostAsync("v3/directline/tokens/refresh", null, Cancel);

        await get.AssertErrorAsync(HttpStatusCode.Forbidden, "TokenExpired");
        await post.AssertErrorAsync(HttpStatusCode.Forbidden, "TokenExpired");
        await refresh.AssertErrorAsync(HttpStatusCode.Forbidden, "TokenExpired");
    }

    [Fact]
    public async Task ATokenOneSecondBeforeExpiryStillWorks()
    {
        var time = NewTime();
        await using var app = new DirectLineApplication(time: time);
        var conversation = await app.StartConversationAsync("u1", cancellationToken: Cancel);
        using var client = app.CreateHttpClient(conversation.Token);
        time.Advance(TimeSpan.FromSeconds(1799));

        var set = await client.GetActivitiesAsync(conversation.ConversationId);

        Assert.Empty(set.Activities);
    }

    [Fact]
    public async Task ATokenOpensOnlyItsOwnConversation()
    {
        await using var app = new DirectLineApplication();
        var mine = await app.StartConversationAsync("u1", cancellationToken: Cancel);
        var theirs = await app.StartConversationAsync("u2", cancellationToken: Cancel);
        using var client = app.CreateHttpClient(mine.Token);

        using var get = await client.GetAsync($"v3/directline/conversations/{theirs.ConversationId}/activities", Cancel);
        using var reconnect = await client.GetAsync($"v3/directline/conversations/{theirs.ConversationId}", Cancel);
        using var post = await client.PostActivityAsync(theirs.ConversationId, new { type = "message", text = "偷看", from = new { id = "u1" } });
        using var missing = await client.GetAsync("v3/directline/conversations/does-not-exist/activities", Cancel);

        await get.AssertErrorAsync(HttpStatusCode.Forbidden, "Forbidden");
        await reconnect.AssertErrorAsync(HttpStatusCode.Forbidden, "Forbidden");
        await post.AssertErrorAsync(HttpStatusCode.Forbidden, "Forbidden");
        await missing.AssertErrorAsync(HttpStatusCode.Forbidden, "Forbidden");
        Assert.DoesNotContain(app.Bot.Received, a => a.Text == "偷看");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer")]
    [InlineData("Bearer wrong-secret")]
    [InlineData("Basic dGVzdDp0ZXN0")]
    [InlineData("Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.e30.AAAA")]
    public async Task MissingOrWrongCredentialsAre401(string? authorization)
    {
        await using var app = new DirectLineApplication();
        using var client = app.CreateHttpClient();
        if (authorization is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
        }

        using var start = await client.PostAsync("v3/directline/conversations", null, Cancel);
        using var generate = await client.PostAsync("v3/directline/tokens/generate", null, Cancel);

        await start.AssertErrorAsync(HttpStatusCode.Unauthorized, "Unauthorized");
        await generate.AssertErrorAsync(HttpStatusCode.Unauthorized, "Unauthorized");
        Assert.Empty(app.Bot.Received);
    }

    [Fact]
    public async Task ATokenSignedUnderAnotherSecretIsRefused()
    {
        await using var other = new DirectLineApplication(settings: new Dictionary<string, string?> { ["DirectLine:Secret"] = "another-secret-0123456789" });
        using var otherClient = other.CreateHttpClient("another-secret-0123456789");
        using var started = await otherClient.PostAsync("v3/directline/conversations", null, Cancel);
        var foreign = (await started.Content.ReadFromJsonAsync<ConversationResponse>(DirectLineJson.Options, Cancel))!;
        await using var app = new DirectLineApplication();
        using var client = app.CreateHttpClient(foreign.Token);

        using var response = await client.GetAsync($"v3/directline/conversations/{foreign.ConversationId}/activities", Cancel);

        await response.AssertErrorAsync(HttpStatusCode.Unauthorized, "Unauthorized");
    }

    [Fact]
    public async Task ATamperedTokenIsRefused()
    {
        await using var app = new DirectLineApplication();
        var mine = await app.StartConversationAsync("u1", cancellationToken: Cancel);
        var theirs = await app.StartConversationAsync("u2", cancellationToken: Cancel);
        var parts = mine.Token!.Split('.');
        var claims = Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(parts[1])).Replace(mine.ConversationId, theirs.ConversationId, StringComparison.Ordinal);
        var forged = $"{parts[0]}.{System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(claims))}.{parts[2]}";
        using var client = app.CreateHttpClient(forged);

        using var response = await client.GetAsync($"v3/directline/conversations/{theirs.ConversationId}/activities", Cancel);

        await response.AssertErrorAsync(HttpStatusCode.Unauthorized, "Unauthorized");
    }

    [Fact]
    public async Task AStreamUrlTicketIsNoBearerForTheRestApi()
    {
        await using var app = new DirectLineApplication();
        var conversation = await app.StartConversationAsync("u1", cancellationToken: Cancel);
        var ticket = Uri.UnescapeDataString(conversation.StreamUrl!.Split("t=")[1]);
        using var client = app.CreateHttpClient(ticket);

        using var response = await client.GetAsync($"v3/directline/conversations/{conversation.ConversationId}/activities", Cancel);

        await response.AssertErrorAsync(HttpStatusCode.Unauthorized, "Unauthorized");
    }

    [Fact]
    public async Task TokensAreGeneratedOnlyWithTheSecretAndRefreshedOnlyAsTokens()
    {
        await using var app = new DirectLineApplication();
        var conversation = await app.StartConversationAsync("u1", cancellationToken: Cancel);
        using var withToken = app.CreateHttpClient(conversation.Token);
        using var withSecret = app.CreateHttpClient(DirectLineApplication.Secret);

        using var generate = await withToken.PostAsync("v3/directline/tokens/generate", null, Cancel);
        using var refresh = await withSecret.PostAsync("v3/directline/tokens/refresh", null, Cancel);

        await generate.AssertErrorAsync(HttpStatusCode.Unauthorized, "Unauthorized");
        await refresh.AssertErrorAsync(HttpStatusCode.Unauthorized, "Unauthorized");
    }

    [Fact]
    public async Task WithoutAConfiguredSecretOneIsGeneratedStoredAndUsable()
    {
        await using var app = new DirectLineApplication(withSecret: false);
        _ = app.BaseAddress;

        string? stored;
        await using (var connection = new SqliteConnection($"Data Source={app.DatabasePath}"))
        {
            stored = await connection.ExecuteScalarAsync<string?>("SELECT value FROM settings WHERE key = 'directline.secret'");
        }

        Assert.NotNull(stored);
        Assert.True(stored.Length >= 40);
        using var client = app.CreateHttpClient(stored);
        using var response = await client.PostAsync("v3/directline/conversations", null, Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var wrong = app.CreateHttpClient(DirectLineApplication.Secret);
        using var refused = await wrong.PostAsync("v3/directline/conversations", null, Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }
}
