using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ChatReport.Bot.Channels.DingTalk;
using ChatReport.Bot.Tests.Authentication;
using ChatReport.Bot.Tests.Conversation;
using ChatReport.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatReport.Bot.Tests.DingTalk;

/// <summary>
/// The real host with the DingTalk channel on, pointed at a <see cref="DingTalkStub"/>, and
/// 山岔村党支部 with its secretary 李书记 on the roster. Callbacks are signed as DingTalk signs them.
/// </summary>
public sealed class DingTalkWorld : IAsyncDisposable
{
    public const string GroupId = "cidGroupShanchaVillage==";

    private int _messages;

    private DingTalkWorld(ChatReportApplication app, DingTalkStub stub, HttpClient client, ChatBranch branch, CapturingLoggerProvider logs)
    {
        App = app;
        Stub = stub;
        Client = client;
        Branch = branch;
        Logs = logs;
    }

    public ChatReportApplication App { get; }

    public DingTalkStub Stub { get; }

    public HttpClient Client { get; }

    public ChatBranch Branch { get; }

    public CapturingLoggerProvider Logs { get; }

    public static CancellationToken Token => TestContext.Current.CancellationToken;

    public static async Task<DingTalkWorld> CreateAsync(Action<ChatReportApplication>? configure = null)
    {
        var logs = new CapturingLoggerProvider();
        var app = new ChatReportApplication();
        var stub = await DingTalkStub.StartAsync(app.Time, Token);
        app.WithSetting("DingTalk:AppKey", DingTalkStub.AppKey)
            .WithSetting("DingTalk:AppSecret", DingTalkStub.AppSecret)
            .WithSetting("DingTalk:RobotCode", DingTalkStub.RobotCode)
            .WithSetting("DingTalk:ApiBaseUrl", stub.BaseAddress.AbsoluteUri)
            .WithSetting("DingTalk:OapiBaseUrl", stub.BaseAddress.AbsoluteUri)
            .WithServices(services => services.AddSingleton<ILoggerProvider>(logs));
        configure?.Invoke(app);
        var client = app.CreateClient();
        var branch = await ChatBranch.CreateAsync(app);
        return new DingTalkWorld(app, stub, client, branch, logs);
    }

    public static string PrivateChat(string staffId) => "cidPrivate" + staffId + "==";

    public static string Session(string conversationId) => "session-" + conversationId;

    /// <summary>A callback as DingTalk sends it for <paramref name="staffId"/> writing <paramref name="text"/>.</summary>
    public JsonObject Message(string staffId, string nick, string? text, bool inGroup = false, JsonObject? content = null, string msgType = "text", TimeSpan? sessionLife = null)
    {
        var now = App.Time.GetUtcNow();
        var conversationId = inGroup ? GroupId : PrivateChat(staffId);
        var callback = new JsonObject
        {
            ["msgtype"] = msgType,
            ["msgId"] = "msg" + Interlocked.Increment(ref _messages) + "AbC+/==",
            ["createAt"] = now.ToUnixTimeMilliseconds(),
            ["conversationType"] = inGroup ? "2" : "1",
            ["conversationId"] = conversationId,
            ["senderId"] = "$:LWCP_v1:$" + staffId,
            ["senderNick"] = nick,
            ["senderStaffId"] = staffId,
            ["senderCorpId"] = "dingcorp01",
            ["chatbotUserId"] = "$:LWCP_v1:$robot",
            ["chatbotCorpId"] = "dingcorp01",
            ["robotCode"] = DingTalkStub.RobotCode,
            ["isAdmin"] = false,
            ["isInAtList"] = inGroup,
            ["sessionWebhook"] = Stub.SessionWebhook(Session(conversationId)),
            ["sessionWebhookExpiredTime"] = (now + (sessionLife ?? TimeSpan.FromMinutes(90))).ToUnixTimeMilliseconds(),
        };
        if (inGroup)
        {
            callback["conversationTitle"] = "山岔村党支部群";
            callback["atUsers"] = new JsonArray(new JsonObject { ["dingtalkId"] = "$:LWCP_v1:$robot" });
        }

        if (text is not null)
        {
            // In a group DingTalk leaves the space that followed the robot's @name.
            callback["text"] = new JsonObject { ["content"] = inGroup ? " " + text : text };
        }

        if (content is not null)
        {
            callback["content"] = content;
        }

        return callback;
    }

    public Task<HttpResponseMessage> PostAsync(JsonObject callback) => PostAsync(callback.ToJsonString(), SignedAt(App.Time.GetUtcNow()));

    public async Task<HttpResponseMessage> PostAsync(string body, (string Timestamp, string Sign)? headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/dingtalk") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (headers is var (timestamp, sign))
        {
            request.Headers.Add("timestamp", timestamp);
            request.Headers.Add("sign", sign);
        }

        return await Client.SendAsync(request, Token);
    }

    public static (string Timestamp, string Sign) SignedAt(DateTimeOffset at)
    {
        var timestamp = at.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        return (timestamp, DingTalkSignature.Compute(timestamp, DingTalkStub.AppSecret));
    }

    /// <summary>Posts a message and returns what the bot said in answer, in order.</summary>
    public async Task<IReadOnlyList<StubMessage>> SayAsync(string staffId, string nick, string text, bool inGroup = false)
    {
        Stub.Clear();
        using var response = await PostAsync(Message(staffId, nick, text, inGroup));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. Stub.Messages];
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        await Stub.DisposeAsync();
    }
}
