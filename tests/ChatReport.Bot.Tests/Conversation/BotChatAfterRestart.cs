using ChatReport.Bot.Tests.Support;

namespace ChatReport.Bot.Tests.Conversation;

/// <summary>The same person and conversation, talking to a new instance of the bot over the same database.</summary>
public sealed class BotChatAfterRestart(BotChat chat, ChatReportApplication app, HttpClient client)
{
    private int _seen;

    public async Task<IReadOnlyList<string>> SayAsync(string text)
    {
        using var response = await client.PostActivityAsync(chat.Message(text), TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode);
        var replies = app.Connector.Requests.Skip(_seen).Select(r => r.Json.ReadText()).ToList();
        _seen = app.Connector.Requests.Count;
        return replies;
    }
}
