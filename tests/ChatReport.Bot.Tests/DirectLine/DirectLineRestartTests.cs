using ChatReport.Dialogs.Schema;

namespace ChatReport.Bot.Tests.DirectLine;

public sealed class DirectLineRestartTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("chatreport-restart-").FullName;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HistoryMembersAndTheGeneratedSecretSurviveARestart()
    {
        var database = Path.Combine(_folder, "bot.db");
        string token;
        string conversationId;
        await using (var before = new DirectLineApplication(database, withSecret: false))
        {
            var (joined, _) = await before.JoinAsync("wangfang", "王芳", "一支部");
            token = joined.Token;
            conversationId = joined.ConversationId;
            using var client = before.CreateHttpClient(token);
            await client.SendAsync(conversationId, "重启前");
        }

        await using var after = new DirectLineApplication(database, withSecret: false);
        using var again = after.CreateHttpClient(token);
        var history = await again.GetActivitiesAsync(conversationId);
        var id = await again.SendAsync(conversationId, "重启后");
        var (rejoined, _) = await after.JoinAsync("wangfang", "王芳", "一支部");

        Assert.Equal(["重启前", "收到：重启前"], history.Activities.Select(a => a.Text));
        Assert.Equal($"{conversationId}|0000003", id);
        Assert.Equal(conversationId, rejoined.ConversationId);
        Assert.DoesNotContain(after.Bot.Received, a => a.IsType(ActivityTypes.ConversationUpdate));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
