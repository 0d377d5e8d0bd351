using System.Net.Http.Json;
using ChatReport.Bot.Storage.Channels;
using ChatReport.Dialogs.Schema;

namespace ChatReport.Bot.Tests.DirectLine;

public sealed class DirectLineGroupTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryoneJoiningANamedGroupGetsTheSameConversation()
    {
        await using var app = new DirectLineApplication();

        var (wang, _) = await app.JoinAsync("wangfang", "王芳", "一支部");
        var (li, _) = await app.JoinAsync("lilei", "李雷", "一支部");
        var (other, _) = await app.JoinAsync("zhao", "赵六", "二支部");

        Assert.Equal(wang.ConversationId, li.ConversationId);
        Assert.NotEqual(wang.ConversationId, other.ConversationId);
        Assert.Equal("一支部", li.Group);
    }

    [Fact]
    public async Task GroupMembersSeeEachOthersMessagesAndTheBotsReplies()
    {
        await using var app = new DirectLineApplication();
        var (wang, wangConversation) = await app.JoinAsync("wangfang", "王芳", "一支部");
        var (li, liConversation) = await app.JoinAsync("lilei", "李雷", "一支部");
        await using var wangStream = await StreamClient.OpenAsync(wangConversation.StreamUrl!);
        await using var liStream = await StreamClient.OpenAsync(liConversation.StreamUrl!);
        using var wangClient = app.CreateHttpClient(wang.Token);
        using var liClient = app.CreateHttpClient(li.Token);

        var fromWang = await wangClient.SendAsync(wang.ConversationId, "大家好，我是王芳");
        var fromLi = await liClient.SendAsync(li.ConversationId, "欢迎");

        var seenByLi = new List<Activity>();
        await liStream.ReceiveUntilAsync(set => set.Activities.Any(a => a.ReplyToId == fromLi), seenByLi);
        var seenByWang = new List<Activity>();
        await wangStream.ReceiveUntilAsync(set => set.Activities.Any(a => a.ReplyToId == fromLi), seenByWang);
        foreach (var seen in new[] { seenByLi, seenByWang })
        {
            Assert.Equal("王芳", seen.Single(a => a.Id == fromWang).From?.Name);
            Assert.Equal("lilei", seen.Single(a => a.Id == fromLi).From?.Id);
            Assert.Equal("收到：大家好，我是王芳", seen.Single(a => a.ReplyToId == fromWang).Text);
            Assert.All(seen, a => Assert.True(a.Conversation?.IsGroup));
        }
    }

    [Fact]
    public async Task TheBotSeesAGroupConversationWithItsNameAndEachNewMember()
    {
        await using var app = new DirectLineApplication();
        var (wang, _) = await app.JoinAsync("wangfang", "王芳", "一支部");
        await app.JoinAsync("lilei", "李雷", "一支部");
        await app.JoinAsync("wangfang", "王芳", "一支部");
        using var client = app.CreateHttpClient(wang.Token);

        await client.SendAsync(wang.ConversationId, "今天的积分");

        var updates = app.Bot.Received.Where(a => a.IsType(ActivityTypes.ConversationUpdate)).ToList();
        Assert.Equal(2, updates.Count);
        Assert.Equal(["chatreport", "wangfang"], updates[0].MembersAdded!.Select(m => m.Id));
        Assert.Equal(["lilei"], updates[1].MembersAdded!.Select(m => m.Id));
        var message = app.Bot.Received.Single(a => a.IsType(ActivityTypes.Message));
        Assert.True(message.Conversation?.IsGroup);
        Assert.Equal("一支部", message.Conversation?.Name);
        using var connector = app.CreateHttpClient();
        var members = await connector.GetFromJsonAsync<List<ChannelAccount>>($"directline/v3/conversations/{wang.ConversationId}/members", DirectLineJson.Options, Cancel);
        Assert.Equal(["wangfang", "lilei"], members!.Select(m => m.Id));
    }

    [Fact]
    public async Task APrivateChatIsTheSameConversationEachTimeTheUserComesBack()
    {
        await using var app = new DirectLineApplication();

        var (first, _) = await app.JoinAsync("wangfang", "王芳");
        using (var client = app.CreateHttpClient(first.Token))
        {
            await client.SendAsync(first.ConversationId, "第一次");
        }

        var (again, _) = await app.JoinAsync("wangfang", "王芳");
        var (someoneElse, _) = await app.JoinAsync("lilei", "李雷");

        Assert.Equal(first.ConversationId, again.ConversationId);
        Assert.NotEqual(first.ConversationId, someoneElse.ConversationId);
        using var back = app.CreateHttpClient(again.Token);
        Assert.Equal(["第一次", "收到：第一次"], (await back.GetActivitiesAsync(again.ConversationId)).Activities.Select(a => a.Text));
        Assert.Null(app.Bot.Received.First(a => a.IsType(ActivityTypes.Message)).Conversation?.IsGroup);
    }

    [Fact]
    public async Task AGroupTokenSpeaksOnlyForItsOwnUser()
    {
        await using var app = new DirectLineApplication();
        var (wang, _) = await app.JoinAsync("wangfang", "王芳", "一支部");
        await app.JoinAsync("lilei", "李雷", "一支部");
        using var client = app.CreateHttpClient(wang.Token);

        using var response = await client.PostActivityAsync(wang.ConversationId, new { type = "message", text = "我是李雷", from = new { id = "lilei", name = "李雷" } });

        response.EnsureSuccessStatusCode();
        var message = app.Bot.Received.Single(a => a.IsType(ActivityTypes.Message));
        Assert.Equal("wangfang", message.From?.Id);
    }
}
