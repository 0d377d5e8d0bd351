using ChatReport.Bot.Tests.Support;
using ChatReport.Conversation.Domain;
using ChatReport.Dialogs.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace ChatReport.Bot.Tests.Conversation;

/// <summary>
/// One person's personal chat with the real bot through /api/messages, over the real SQLite
/// stores: each Say posts a message and returns the texts the bot sent to the fake Connector.
/// </summary>
public sealed class BotChat(ChatReportApplication app, HttpClient client, string channelId, string userId, string userName, string locale)
{
    private static int _ids;
    private int _seen;

    public ChatReportApplication App { get; } = app;

    public string ConversationId { get; } = "a:personal-" + Guid.NewGuid().ToString("N");

    public static async Task<(ChatReportApplication App, HttpClient Client)> StartAppAsync(string? databasePath = null)
    {
        var app = new ChatReportApplication();
        if (databasePath is not null)
        {
            app.WithSetting("ConnectionStrings:ChatReport", $"Data Source={databasePath}");
        }

        var client = app.CreateClient();
        // The host migrates and seeds the database (rules, the current cycle) before it serves.
        await Task.CompletedTask;
        return (app, client);
    }

    public static BotChat For(ChatReportApplication app, HttpClient client, string userId = "29:user-1", string userName = "王芳", string locale = "zh-CN", string channelId = "msteams") =>
        new(app, client, channelId, userId, userName, locale);

    public async Task<IReadOnlyList<string>> SayAsync(string? text, string? activityId = null, IReadOnlyList<Attachment>? attachments = null) =>
        await PostAsync(Message(text, activityId, attachments));

    public async Task<IReadOnlyList<string>> PostAsync(Activity activity)
    {
        using var response = await client.PostActivityAsync(activity, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"POST /api/messages answered {(int)response.StatusCode}");
        var replies = App.Connector.Requests
            .Skip(_seen)
            .Where(r => r.Json.TryGetProperty("text", out _) && r.Json.GetProperty("conversation").GetProperty("id").GetString() == ConversationId)
            .Select(r => r.Json.ReadText())
            .ToList();
        _seen = App.Connector.Requests.Count;
        return replies;
    }

    public Activity Message(string? text, string? activityId = null, IReadOnlyList<Attachment>? attachments = null) => new()
    {
        Type = ActivityTypes.Message,
        Id = activityId ?? $"act-{Interlocked.Increment(ref _ids)}",
        ChannelId = channelId,
        ServiceUrl = TestActivities.ServiceUrl,
        From = new ChannelAccount { Id = userId, Name = userName },
        Recipient = new ChannelAccount { Id = TestActivities.BotId, Name = "ChatReport" },
        Conversation = new ConversationAccount { Id = ConversationId, ConversationType = "personal", TenantId = "tenant-1" },
        Locale = locale,
        Text = text,
        Attachments = attachments,
    };

    public async Task<Member?> MemberAsync() =>
        await App.Services.GetRequiredService<IMemberDirectory>().FindByAccountAsync(channelId, userId, TestContext.Current.CancellationToken);
}
