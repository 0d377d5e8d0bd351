using System.Net.Http.Json;
using ChatReport.Bot.DirectLine;
using ChatReport.Bot.Storage.Channels;
using ChatReport.Bot.WebChat;

namespace ChatReport.Bot.Tests.DirectLine;

/// <summary>Asks the page's token endpoint, as the page does, and starts the conversation with the token.</summary>
public static class WebChatTokens
{
    public static async Task<(WebChatTokenResponse Token, ConversationResponse Conversation)> JoinAsync(this DirectLineApplication app, string userId, string name, string? group = null)
    {
        var cancel = TestContext.Current.CancellationToken;
        using var anonymous = app.CreateHttpClient();
        using var response = await anonymous.PostAsJsonAsync("webchat/token", new { userId, name, group }, cancel);
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<WebChatTokenResponse>(DirectLineJson.Options, cancel))!;
        using var client = app.CreateHttpClient(token.Token);
        using var started = await client.PostAsJsonAsync("v3/directline/conversations", new { }, cancel);
        started.EnsureSuccessStatusCode();
        return (token, (await started.Content.ReadFromJsonAsync<ConversationResponse>(DirectLineJson.Options, cancel))!);
    }
}
