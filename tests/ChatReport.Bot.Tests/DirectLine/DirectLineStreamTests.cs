using System.Net;
using System.Net.Http.Json;
using ChatReport.Bot.DirectLine;
using ChatReport.Bot.Storage.Channels;
using ChatReport.Dialogs.Schema;
using Microsoft.Extensions.Time.Testing;

namespace ChatReport.Bot.Tests.DirectLine;

public sealed class DirectLineStreamTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheSocketPushesTheEchoAndTheBotsReply()
    {
        await using var app = new DirectLineApplication();
        var conversation = await app.StartConversationAsync("u1", cancellationToken: Cancel);
        await using var stream = await StreamClient.OpenAsync(conversation.StreamUrl!);
        using var client = app.CreateHttpClient(conversation.Token);

        var id = await client.SendAsync(conversation.ConversationId, "你好", clientActivityId: "c-1");

        var echo = await stream.ReceiveUntilAsync(set => set.Activities.Any(a => a.Id == id));
        Assert.Equal("c-1", echo.Activities.Single(a => a.Id == id).ChannelData?.GetProperty("clientActivityID").GetString());
        var reply = await stream.ReceiveUntilAsync(set => set.Activities.Any(a => a.ReplyToId == id));
        Assert.Equal("收到：你好", reply.Activities.Single(a => a.ReplyToId == id).Text);
        Assert.Equal("2", reply.Watermark);
    }

    [Fact]
    public async Task ASocketOpenedWithAWatermarkReplaysOnlyWhatCameAfterIt()
    {
        await using var app = new DirectLineApplication();
        var conversation = await app.StartConversationAsync("u1", cancellationToken: Cancel);
        using var client = app.CreateHttpClient(conversation.Token);
        await client.SendAsync(conversation.ConversationId, "一");
        await client.SendAsync(conversation.ConversationId, "二");
        var reconnected = await client.GetFromJsonAsync<ConversationResponse>($"v3/directline/conversations/{conversation.ConversationId}?watermark=2", DirectLineJson.Options, Cancel);

        await using var stream = await StreamClient.OpenAsync(reconnected!.StreamUrl!);

        var replay = await stream.ReceiveUntilAsync(_ => true);
        Assert.Equal(["二", "收到：二"], replay.Activities.Select(a => a.Text));
        Assert.Equal("4", replay.Watermark);
    }

    [Fact]
    public async Task AnIdleSocketGetsEmptyKeepAliveFrames()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        await using var app = new DirectLineApplication(time: time);
        var conversation = await app.StartConversationAsync("u1", cancellationToken: Cancel);
        await using var stream = await StreamClient.OpenAsync(conversation.StreamUrl!);

        var receiving = stream.ReceiveAsync();
        for (var attempt = 0; attempt < 50 && !receiving.IsCompleted; attempt++)
        {
            // The server arms its idle timer only once it waits; keep moving time until it fires.
            time.Advance(TimeSpan.FromSeconds(15));
            await Task.WhenAny(receiving, Task.Delay(TimeSpan.FromMilliseconds(200), Cancel));
        }

        var frame = await receiving;
        Assert.Equal(string.Empty, frame);
    }

    [Fact]
    public async Task TypingReachesSocketsLiveButNotTheHistory()
    {
        await using var app = new DirectLineApplication();
        var conversation = await app.StartConversationAsync("u1", cancellationToken: Cancel);
        await using var stream = await StreamClient.OpenAsync(conversation.StreamUrl!);
        using var connector = app.CreateHttpClient();

        // The message first: once it has come, the socket replays no more history, and a typing is
        // live. (A typing stored in the instant the socket opens goes with the history it opened
        // on, which leaves typing out; an indicator that old is stale anyway.)
        var seen = new List<Activity>();
        using var message = await connector.PostAsJsonAsync($"directline/v3/conversations/{conversation.ConversationId}/activities", new { type = "message", text = "好了" }, Cancel);
        await stream.ReceiveUntilAsync(_ => seen.Any(a => a.Text == "好了"), seen);
        using var typing = await connector.PostAsJsonAsync($"directline/v3/conversations/{conversation.ConversationId}/activities", new { type = "typing" }, Cancel);

        Assert.Equal(HttpStatusCode.OK, typing.StatusCode);
        await stream.ReceiveUntilAsync(_ => seen.Any(a => a.Type == ActivityTypes.Typing), seen);
        Assert.Equal([ActivityTypes.Message, ActivityTypes.Typing], seen.Select(a => a.Type).Order(StringComparer.Ordinal));
        using var client = app.CreateHttpClient(conversation.Token);
        var history = await client.GetActivitiesAsync(conversation.ConversationId);
        Assert.Equal([ActivityTypes.Message], history.Activities.Select(a => a.Type));
    }

    [Fact]
    public async Task OnlyTheLatestTypingIsKeptPerConversation()
    {
        await using var app = new DirectLineApplication();
        var conversation = await app.StartConversationAsync("u1", cancellationToken: Cancel);
        using var connector = app.CreateHttpClient();
        var url = $"directline/v3/conversations/{conversation.ConversationId}/activities";

        for (var turn = 0; turn < 3; turn++)
        {
            using var typing = await connector.PostAsJsonAsync(url, new { type = "typing" }, Cancel);
            using var message = await connector.PostAsJsonAsync(url, new { type = "message", text = $"第{turn}条" }, Cancel);
        }

        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={app.DatabasePath}");
        var types = await Dapper.SqlMapper.QueryAsync<string>(connection, "SELECT type FROM directline_activities ORDER BY sequence");
        Assert.Equal(["message", "message", "typing", "message"], types);
    }

    [Fact]
    public async Task ASecondSocketWithTheSameTokenReplacesTheFirst()
    {
        await using var app = new DirectLineApplication();
        var conversation = await app.StartConversationAsync("u1", cancellationToken: Cancel);
        using var client = app.CreateHttpClient(conversation.Token);
        var again = await client.GetFromJsonAsync<ConversationResponse>($"v3/directline/conversations/{conversation.ConversationId}", DirectLineJson.Options, Cancel);
        await using var first = await StreamClient.OpenAsync(conversation.StreamUrl!);

        await using var second = await StreamClient.OpenAsync(again!.StreamUrl!);

        // Frames already on their way (a replay, a keep-alive) may arrive before the close.
        var framesBeforeClose = 0;
        while (await first.ReceiveAsync() is not null)
        {
            Assert.InRange(++framesBeforeClose, 1, 5);
        }

        Assert.Equal("collision", first.Socket.CloseStatusDescription);
        var id = await client.SendAsync(conversation.ConversationId, "还在吗");
        await second.ReceiveUntilAsync(set => set.Activities.Any(a => a.Id == id));
    }

    [Fact]
    public async Task SocketsOfDifferentTokensInOneConversationAllReceive()
    {
        await using var app = new DirectLineApplication();
        var conversation = await app.StartConversationAsync("u1", cancellationToken: Cancel);
        using var secretClient = app.CreateHttpClient(DirectLineApplication.Secret);
        var viaSecret = await secretClient.GetFromJsonAsync<ConversationResponse>($"v3/directline/conversations/{conversation.ConversationId}", DirectLineJson.Options, Cancel);
        await using var first = await StreamClient.OpenAsync(conversation.StreamUrl!);
        await using var second = await StreamClient.OpenAsync(viaSecret!.StreamUrl!);
        using var client = app.CreateHttpClient(conversation.Token);

        var id = await client.SendAsync(conversation.ConversationId, "大家好");

        await first.ReceiveUntilAsync(set => set.Activities.Any(a => a.ReplyToId == id));
        await second.ReceiveUntilAsync(set => set.Activities.Any(a => a.ReplyToId == id));
    }

    [Fact]
    public async Task AStreamUrlMustBeOpenedWithinItsMinute()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        await using var app = new DirectLineApplication(time: time);
        var conversation = await app.StartConversationAsync("u1", cancellationToken: Cancel);
        time.Advance(TimeSpan.FromSeconds(61));

        Assert.Equal(HttpStatusCode.Forbidden, await StreamClient.RefusalAsync(conversation.StreamUrl!));
    }

    [Fact]
    public async Task AForgedOrForeignStreamUrlIsRefused()
    {
        await using var app = new DirectLineApplication();
        var mine = await app.StartConversationAsync("u1", cancellationToken: Cancel);
        var theirs = await app.StartConversationAsync("u2", cancellationToken: Cancel);
        var myTicket = mine.StreamUrl!.Split("?")[1];
        var wsBase = $"ws://{app.BaseAddress.Authority}/v3/directline/conversations/";

        Assert.Equal(HttpStatusCode.Unauthorized, await StreamClient.RefusalAsync($"{wsBase}{mine.ConversationId}/stream?t=garbage"));
        Assert.Equal(HttpStatusCode.Unauthorized, await StreamClient.RefusalAsync($"{wsBase}{mine.ConversationId}/stream"));
        Assert.Equal(HttpStatusCode.Unauthorized, await StreamClient.RefusalAsync($"{wsBase}{mine.ConversationId}/stream?t={Uri.EscapeDataString(mine.Token!)}"));
        Assert.Equal(HttpStatusCode.Forbidden, await StreamClient.RefusalAsync($"{wsBase}{theirs.ConversationId}/stream?{myTicket}"));
    }

    [Fact]
    public async Task TheStreamUrlAnswersPlainHttpWith400()
    {
        await using var app = new DirectLineApplication();
        var conversation = await app.StartConversationAsync("u1", cancellationToken: Cancel);
        using var client = app.CreateHttpClient();

        using var response = await client.GetAsync(conversation.StreamUrl!.Replace("ws://", "http://", StringComparison.Ordinal), Cancel);

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, "BadArgument");
    }
}
