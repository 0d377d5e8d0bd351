using ChatReport.Bot.Storage.Channels;
using ChatReport.Bot.Tests.Conversation;
using ChatReport.Bot.Tests.Support;
using ChatReport.Conversation.Domain;
using ChatReport.Dialogs.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace ChatReport.Bot.Tests.Groups;

/// <summary>
/// The real bot with 山岔村党支部: 李书记 (secretary, on Teams and Web Chat), 张三 (a member),
/// 赵委员 (a committee member allowed to review) and a stranger; the clock at 26 November 2026.
/// </summary>
public sealed class GroupWorld : IAsyncDisposable
{
    public static readonly ChannelAccount Secretary = ChatRoom.Person("29:secretary", "李书记");
    public static readonly ChannelAccount Zhang = ChatRoom.Person("29:zhang", "张三");
    public static readonly ChannelAccount Committee = ChatRoom.Person("29:zhao", "赵委员");
    public static readonly ChannelAccount Stranger = ChatRoom.Person("29:stranger", "路人");

    private GroupWorld(ChatReportApplication app, HttpClient client, ChatBranch branch)
    {
        App = app;
        Client = client;
        Branch = branch;
    }

    public ChatReportApplication App { get; }

    public HttpClient Client { get; }

    public ChatBranch Branch { get; }

    public static CancellationToken Token => TestContext.Current.CancellationToken;

    public static async Task<GroupWorld> CreateAsync(Action<IServiceCollection>? services = null)
    {
        var app = new ChatReportApplication();
        if (services is not null)
        {
            app.WithServices(services);
        }

        var client = app.CreateClient();
        var branch = await ChatBranch.CreateAsync(app);
        var members = app.Get<IMemberDirectory>();
        await members.LinkAccountAsync(branch.Secretary.Id, "msteams", Secretary.Id!, Secretary.Name, Token);
        await members.LinkAccountAsync(branch.Secretary.Id, "webchat", Secretary.Id!, Secretary.Name, Token);
        var zhang = await members.AddMemberAsync(branch.Unit.Id, "张三", null, Token);
        await members.LinkAccountAsync(zhang.Id, "msteams", Zhang.Id!, Zhang.Name, Token);
        await members.LinkAccountAsync(zhang.Id, "webchat", Zhang.Id!, Zhang.Name, Token);
        var zhao = await members.AddMemberAsync(branch.Unit.Id, "赵委员", null, Token);
        await members.GrantRoleAsync(branch.Unit.Id, zhao.Id, Role.Committee, canReview: true, null, Token);
        await members.LinkAccountAsync(zhao.Id, "msteams", Committee.Id!, Committee.Name, Token);
        return new GroupWorld(app, client, branch);
    }

    public ChatRoom Group(string channelId = "msteams") => new(App, Client, isGroup: true, channelId);

    public ChatRoom Personal(string channelId = "msteams") => new(App, Client, isGroup: false, channelId);

    public Task<GroupSubscription?> SubscriptionAsync(ChatRoom room) =>
        App.Get<GroupSubscriptionStore>().FindAsync(new GroupAddress(room.ChannelId, room.ConversationId), Token);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
    }
}
