using System.Text.Json;
using ChatReport.Bot.Tests.Support;
using ChatReport.Dialogs.Schema;

namespace ChatReport.Bot.Tests.Groups;

/// <summary>
/// A conversation with the real bot through /api/messages, personal or group (conversation.isGroup
/// true), where several people may speak: each post returns what the bot sent into it.
/// </summary>
public sealed class ChatRoom(ChatReportApplication app, HttpClient client, bool isGroup, string channelId = "msteams")
{
    private static int _ids;
    private int _seen;

    public string ChannelId { get; } = channelId;

    public string ConversationId { get; } = (isGroup ? "19:group-" : "a:personal-") + Guid.NewGuid().ToString("N") + (isGroup ? "@thread.v2" : "");

    public static ChannelAccount Person(string id, string name) => new() { Id = id, Name = name };

    public async Task<IReadOnlyList<string>> SayAsync(ChannelAccount from, string text, string locale = "zh-CN") =>
        [.. (await PostAsync(Message(from, text, locale))).Select(r => r.ReadText())];

    /// <summary>The bot added to this conversation by <paramref name="from"/>, as Teams reports it.</summary>
    public Task<IReadOnlyList<JsonElement>> BotAddedAsync(ChannelAccount from) => PostAsync(Base(from, "zh-CN") with
    {
        Type = ActivityTypes.ConversationUpdate,
        MembersAdded = [new ChannelAccount { Id = TestActivities.BotId, Name = "ChatReport" }],
    });

    public async Task<IReadOnlyList<JsonElement>> PostAsync(Activity activity)
    {
        using var response = await client.PostActivityAsync(activity, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"POST /api/messages answered {(int)response.StatusCode}");
        var requests = app.Connector.Requests;
        var replies = requests
            .Skip(_seen)
            .Select(r => r.Json)
            .Where(j => j.ValueKind == JsonValueKind.Object && j.TryGetProperty("conversation", out var c) && c.GetProperty("id").GetString() == ConversationId)
            .ToList();
        _seen = requests.Count;
        return replies;
    }

    public Activity Message(ChannelAccount from, string text, string locale = "zh-CN") => Base(from, locale) with { Type = ActivityTypes.Message, Text = text };

    private Activity Base(ChannelAccount from, string locale) => new()
    {
        Id = $"room-{Interlocked.Increment(ref _ids)}",
        ChannelId = ChannelId,
        ServiceUrl = TestActivities.ServiceUrl,
        From = from,
        Recipient = new ChannelAccount { Id = TestActivities.BotId, Name = "ChatReport" },
        Conversation = new ConversationAccount
        {
            Id = ConversationId,
            IsGroup = isGroup ? true : null,
            ConversationType = isGroup ? "groupChat" : "personal",
            TenantId = "tenant-1",
        },
        Locale = locale,
    };
}
