using ChatReport.Bot.Tests.Authentication;
using ChatReport.Bot.Tests.Conversation;
using ChatReport.Bot.Tests.Support;
using ChatReport.Conversation.Domain;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatReport.Bot.Tests.Channels;

/// <summary>The real host with the WeCom channel on, pointed at <see cref="WeComPlatformStub"/>, and 山岔村党支部 whose secretary 李书记 is WeCom user <c>lishuji</c>.</summary>
public sealed class WeComWorld : IAsyncDisposable
{
    public const string SecretaryUser = "lishuji";

    private WeComWorld(WeComPlatformStub stub, ChatReportApplication app, HttpClient client, ChatBranch branch, CapturingLoggerProvider logs)
    {
        Logs = logs;
        Stub = stub;
        App = app;
        Client = client;
        Branch = branch;
        WeCom = new WeComCallbackDriver(app, client);
    }

    public WeComPlatformStub Stub { get; }

    /// <summary>Everything the host logged, at every level.</summary>
    public CapturingLoggerProvider Logs { get; }

    public ChatReportApplication App { get; }

    public HttpClient Client { get; }

    public ChatBranch Branch { get; }

    public WeComCallbackDriver WeCom { get; }

    public static CancellationToken Token => TestContext.Current.CancellationToken;

    public static async Task<WeComWorld> CreateAsync()
    {
        var stub = await WeComPlatformStub.StartAsync(Token);
        var logs = new CapturingLoggerProvider();
        var app = new ChatReportApplication()
            .WithServices(services => services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace)))
            .WithSetting("WeCom:CorpId", WeComPlatformStub.CorpId)
            .WithSetting("WeCom:AgentId", WeComPlatformStub.AgentId.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithSetting("WeCom:Secret", WeComPlatformStub.Secret)
            .WithSetting("WeCom:Token", WeComCallbackDriver.Token)
            .WithSetting("WeCom:EncodingAESKey", WeComCallbackDriver.EncodingAesKey)
            .WithSetting("WeCom:ApiBaseUrl", stub.BaseAddress.AbsoluteUri);
        var client = app.CreateClient();
        var branch = await ChatBranch.CreateAsync(app);
        await app.Get<IMemberDirectory>().LinkAccountAsync(branch.Secretary.Id, "wecom", SecretaryUser, null, Token);
        return new WeComWorld(stub, app, client, branch, logs);
    }

    /// <summary>Waits until the stub has taken <paramref name="count"/> messages for <paramref name="userId"/> (sends after a turn may still be on their way).</summary>
    public async Task<IReadOnlyList<System.Text.Json.Nodes.JsonObject>> SentToAsync(string userId, int count)
    {
        for (var i = 0; i < 200 && Stub.SentTo(userId).Count() < count; i++)
        {
            await Task.Delay(10, Token);
        }

        return [.. Stub.SentTo(userId)];
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        await Stub.DisposeAsync();
    }
}
