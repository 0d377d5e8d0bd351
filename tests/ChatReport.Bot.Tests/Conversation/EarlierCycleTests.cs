using ChatReport.Conversation.Domain;
using Microsoft.Extensions.DependencyInjection;

namespace ChatReport.Bot.Tests.Conversation;

public sealed class EarlierCycleTests
{
    [Fact]
    public async Task AnEarlierCycleStaysQueryableByItsYear()
    {
        var (app, client) = await BotChat.StartAppAsync();
        await using var _ = app;
        using var __ = client;
        var branch = await ChatBranch.CreateAsync(app);
        var chat = BotChat.For(app, client);
        await chat.SayAsync($"加入 {branch.Code}");
        await chat.SayAsync("是");

        Assert.Equal("没有2025年的积分记录。", Assert.Single(await chat.SayAsync("我的积分 2025")));

        await app.Services.GetRequiredService<ICycleCalendar>().EnsureCycleAsync(2025, TestContext.Current.CancellationToken);
        var past = Assert.Single(await chat.SayAsync("我的积分 2025年"));
        var current = Assert.Single(await chat.SayAsync("我的积分"));

        Assert.StartsWith("2025年积分：", past, StringComparison.Ordinal);
        Assert.DoesNotContain("季度", past, StringComparison.Ordinal);
        Assert.StartsWith("2026年积分：", current, StringComparison.Ordinal);
    }
}
