using ChatReport.Bot.Tests.Conversation;
using ChatReport.Bot.Tests.Support;
using ChatReport.Conversation.Domain;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ChatReport.Bot.Tests.Understanding;

/// <summary>
/// What the member said about the time is what the database holds and what the reviewer's card
/// shows: the member's wall clock, stored as the right UTC instant, and a part of the day kept as
/// such rather than turned into a made-up hour.
/// </summary>
public sealed class TimeOfDayThroughHostTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task YesterdayAfternoonIsStoredAsAnAfternoonOfTheMembersDayAndTheCardSaysAfternoon()
    {
        var (app, client, secretary, member) = await StartAsync();
        await using var _ = app;
        using var __ = client;

        // The clock stands at 2026-11-26 12:00 UTC = 20:00 in Beijing.
        await member.SayAsync("申报 昨天下午在村口带头扫雪两个小时");
        await member.SayAsync("跳过");
        var before = app.Connector.Requests.Count;
        await member.SayAsync("提交");

        var (occurredAt, occurredOn, dayPart, timeKnown) = await ReadClaimAsync(app.DatabasePath);
        Assert.Equal("2026-11-25", occurredOn);
        Assert.Equal("afternoon", dayPart);
        Assert.Equal(0L, timeKnown);
        // 12:00 in Beijing is 04:00 UTC: the afternoon's start on the member's clock.
        Assert.Equal("2026-11-25T04:00:00.0000000Z", occurredAt);

        var card = Assert.Single(app.Connector.Requests.Skip(before), r => r.Path.Contains(Uri.EscapeDataString(secretary.ConversationId), StringComparison.Ordinal));
        var text = card.Json.GetProperty("text").GetString()!;
        Assert.Contains("11月25日 下午", text, StringComparison.Ordinal);
        Assert.DoesNotContain("20:00", card.Json.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("12:00", card.Json.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task APhoneThatSaysUtcStillMeansTheBranchsAfternoon()
    {
        var (app, client, secretary, member) = await StartAsync();
        await using var _ = app;
        using var __ = client;

        // A browser on a UTC machine: its own zone would have made this 12:00 UTC, 20:00 on the card.
        await member.PostAsync(member.Message("申报 昨天下午3点在村口扫雪") with { LocalTimezone = "Etc/UTC", LocalTimestamp = new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero) });
        await member.SayAsync("跳过");
        var before = app.Connector.Requests.Count;
        await member.SayAsync("提交");

        var (occurredAt, occurredOn, _, _) = await ReadClaimAsync(app.DatabasePath);
        Assert.Equal("2026-11-25", occurredOn);
        Assert.Equal("2026-11-25T07:00:00.0000000Z", occurredAt);
        var card = Assert.Single(app.Connector.Requests.Skip(before), r => r.Path.Contains(Uri.EscapeDataString(secretary.ConversationId), StringComparison.Ordinal));
        Assert.Contains("11月25日 15:00", card.Json.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExactTimeIsTheMembersWallClockInUtcAndTheCardShowsThatClock()
    {
        var (app, client, secretary, member) = await StartAsync();
        await using var _ = app;
        using var __ = client;

        await member.SayAsync("申报 昨天下午3点在村口扫雪");
        await member.SayAsync("跳过");
        var before = app.Connector.Requests.Count;
        await member.SayAsync("提交");

        var (occurredAt, occurredOn, dayPart, timeKnown) = await ReadClaimAsync(app.DatabasePath);
        Assert.Equal("2026-11-25", occurredOn);
        Assert.Equal("2026-11-25T07:00:00.0000000Z", occurredAt);
        Assert.Null(dayPart);
        Assert.Equal(1L, timeKnown);
        var card = Assert.Single(app.Connector.Requests.Skip(before), r => r.Path.Contains(Uri.EscapeDataString(secretary.ConversationId), StringComparison.Ordinal));
        Assert.Contains("11月25日 15:00", card.Json.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADayWithoutATimeShowsNoMadeUpHour()
    {
        var (app, client, secretary, member) = await StartAsync();
        await using var _ = app;
        using var __ = client;

        await member.SayAsync("申报 前天在村口扫雪");
        await member.SayAsync("跳过");
        var before = app.Connector.Requests.Count;
        await member.SayAsync("提交");

        var (_, occurredOn, dayPart, timeKnown) = await ReadClaimAsync(app.DatabasePath);
        Assert.Equal("2026-11-24", occurredOn);
        Assert.Null(dayPart);
        Assert.Equal(0L, timeKnown);
        var card = Assert.Single(app.Connector.Requests.Skip(before), r => r.Path.Contains(Uri.EscapeDataString(secretary.ConversationId), StringComparison.Ordinal));
        var text = card.Json.GetProperty("text").GetString()!;
        Assert.Contains("11月24日", text, StringComparison.Ordinal);
        Assert.DoesNotContain("00:00", text, StringComparison.Ordinal);
    }

    private static async Task<(ChatReportApplication App, HttpClient Client, BotChat Secretary, BotChat Member)> StartAsync()
    {
        var (app, client) = await BotChat.StartAppAsync();
        var branch = await ChatBranch.CreateAsync(app);
        var secretary = BotChat.For(app, client, userId: "29:secretary", userName: "李书记");
        var member = BotChat.For(app, client, userId: "29:member", userName: "王芳");
        await secretary.SayAsync($"加入 {branch.SecretaryCode}");
        await member.SayAsync($"加入 {branch.Code}");
        await member.SayAsync("是");
        _ = app.Services.GetRequiredService<IClaimBook>();
        return (app, client, secretary, member);
    }

    private static async Task<(string OccurredAt, string OccurredOn, string? DayPart, long TimeKnown)> ReadClaimAsync(string databasePath)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly");
        await connection.OpenAsync(Token);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT occurred_at, occurred_on, day_part, time_known FROM claims";
        await using var reader = await command.ExecuteReaderAsync(Token);
        Assert.True(await reader.ReadAsync(Token));
        var row = (reader.GetString(0), reader.GetString(1), await reader.IsDBNullAsync(2, Token) ? null : reader.GetString(2), reader.GetInt64(3));
        Assert.False(await reader.ReadAsync(Token));
        return row;
    }
}
