using ChatReport.Bot.Channels.Platform;
using ChatReport.Bot.Connector;
using ChatReport.Bot.Storage.Channels;
using ChatReport.Conversation.Commands;
using Microsoft.Extensions.Options;

namespace ChatReport.Bot.Channels.DingTalk;

public static class DingTalkExtensions
{
    /// <summary>
    /// The DingTalk channel, when <c>DingTalk:AppKey</c> is set: the callback endpoint, the sender
    /// that <see cref="ConnectorClient"/> hands every <c>dingtalk</c> message to, and the custom
    /// group robot command (after the plain 订阅日报 in <c>ChatCommandOrder</c>).
    /// </summary>
    public static IHostApplicationBuilder AddChatReportDingTalk(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (!builder.AddPlatformOptions<DingTalkOptions>(DingTalkOptions.Section, nameof(DingTalkOptions.AppKey)))
        {
            return builder;
        }

        services.AddPlatformHttpClient(DingTalkApi.HttpClientName, (provider, client) =>
        {
            client.Timeout = provider.GetRequiredService<IOptions<DingTalkOptions>>().Value.RequestTimeout;
            client.DefaultRequestHeaders.UserAgent.ParseAdd("ChatReport/1.0");
        });
        services.AddSingleton<DingTalkStore>();
        services.AddSingleton<DingTalkAccessTokens>();
        services.AddSingleton<DingTalkApi>();
        services.AddSingleton<DingTalkPacer>();
        services.AddSingleton<DingTalkChannel>();
        services.AddSingleton<IChannelSender, DingTalkSender>();
        services.AddSingleton<DingTalkRobotDialog>();
        services.AddSingleton<IChatCommand, DingTalkRobotCommand>();
        return builder;
    }

    /// <summary>Maps <c>/api/dingtalk</c> when the channel is on.</summary>
    public static IEndpointRouteBuilder MapDingTalkWhenEnabled(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.ServiceProvider.GetRequiredService<IOptions<DingTalkOptions>>().Value.Enabled)
        {
            endpoints.MapDingTalk();
        }

        return endpoints;
    }
}
