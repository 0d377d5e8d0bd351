using System.Net.Http.Json;
using System.Text.Json;
using ChatReport.Bot.Connector;
using ChatReport.Dialogs.Schema;

namespace ChatReport.Bot.Tests.Support;

/// <summary>Activities as a Teams channel sends them, and a way to post them to the bot.</summary>
public static class TestActivities
{
    public const string ServiceUrl = "https://smba.example/amer/";
    public const string BotId = "28:bot-app-id";
    public const string UserId = "29:user-1";
    public const string GroupConversationId = "19:abc@thread.v2;messageid=123";

    public static Activity Message(string id, string? text, string conversationId = GroupConversationId, string locale = "zh-CN") => new()
    {
        Type = ActivityTypes.Message,
        Id = id,
        ChannelId = "msteams",
        ServiceUrl = ServiceUrl,
        From = new ChannelAccount { Id = UserId, Name = "王芳" },
        Recipient = new ChannelAccount { Id = BotId, Name = "ChatReport" },
        Conversation = new ConversationAccount { Id = conversationId, IsGroup = true, ConversationType = "groupChat", TenantId = "tenant-1" },
        Locale = locale,
        Text = text,
    };

    public static Activity MentioningBot(string id, string text, string mentionText = "<at>ChatReport</at>") =>
        Message(id, $"{mentionText} {text}") with
        {
            Entities =
            [
                JsonSerializer.SerializeToElement(new { type = "mention", mentioned = new { id = BotId, name = "ChatReport" }, text = mentionText }),
            ],
        };

    public static Task<HttpResponseMessage> PostActivityAsync(this HttpClient client, Activity activity, CancellationToken cancellationToken) =>
        client.PostAsJsonAsync("/api/messages", activity, BotJson.Options, cancellationToken);

    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string body, CancellationToken cancellationToken, string contentType = "application/json") =>
        client.PostAsync("/api/messages", new StringContent(body, System.Text.Encoding.UTF8, contentType), cancellationToken);
}
