using ChatReport.Bot.Conversation;
using ChatReport.Bot.Digests;
using ChatReport.Bot.Notifications;
using ChatReport.Bot.Storage.Domain;
using ChatReport.Conversation.Commands;
using ChatReport.Conversation.Domain;
using ChatReport.Conversation.Groups;
using ChatReport.Conversation.Main;
using ChatReport.Conversation.Notices;
using ChatReport.Dialogs.Turns;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatReport.Bot.Groups;

public static class GroupsExtensions
{
    /// <summary>
    /// The group and notice commands (订阅日报, 退订, 签字确认, 导出公示, 异议 and its handling) and the bot
    /// wrapped so that being added
    /// to a group by a reviewer of one branch subscribes that group. Call after
    /// <see cref="ConversationExtensions.AddChatReportConversation"/> and
    /// <see cref="DigestExtensions.AddChatReportDigests"/>, whose stores the ports sit on.
    /// </summary>
    public static IHostApplicationBuilder AddChatReportGroups(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSingleton<IGroupSubscriptions, GroupSubscriptionsAdapter>();
        services.AddSingleton<INoticeDesk, NoticeDeskAdapter>();
        services.AddSingleton<IObjectionBook>(provider => provider.GetRequiredService<ObjectionStore>());
        services.AddSingleton<IObjectionNotifier>(provider => provider.GetRequiredService<ObjectionNotifier>());

        services.AddSingleton<SubscribeDialog>();
        services.AddSingleton<UnsubscribeDialog>();
        services.AddSingleton<SignOffDialog>();
        services.AddSingleton<ExportNoticeDialog>();
        services.AddSingleton<ObjectDialog>();
        services.AddSingleton<ObjectionsDialog>();
        services.AddSingleton<ResolveObjectionDialog>();

        services.AddSingleton<IChatCommand, SubscribeCommand>();
        services.AddSingleton<IChatCommand, UnsubscribeCommand>();
        services.AddSingleton<IChatCommand, SignOffCommand>();
        services.AddSingleton<IChatCommand, ExportNoticeCommand>();
        services.AddSingleton<IChatCommand, ObjectionsCommand>();
        services.AddSingleton<IChatCommand, ResolveObjectionCommand>();
        services.AddSingleton<IChatCommand, ObjectCommand>();

        services.Replace(ServiceDescriptor.Singleton<IBot>(provider => new GroupJoinBot(
            provider.GetRequiredService<ChatReportBot>(),
            provider.GetRequiredService<IMemberDirectory>(),
            provider.GetRequiredService<IOrganisation>(),
            provider.GetRequiredService<IGroupSubscriptions>())));
        return builder;
    }
}
