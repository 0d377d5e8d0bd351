using ChatReport.Bot.Channels.Platform;
using ChatReport.Bot.Connector;
using ChatReport.Bot.Storage.Channels;
using ChatReport.Conversation.Commands;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatReport.Bot.Channels.WeCom;

public static class WeComExtensions
{
    /// <summary>
    /// The WeCom self-built app channel, when <c>WeCom:CorpId</c> is set: the callback at
    /// <c>/api/wecom</c> (see <see cref="MapWeCom"/>), the sender that
    /// <see cref="ConnectorClient"/> hands <c>wecom</c> activities to, and 订阅日报 &lt;webhook&gt; for
    /// group robots. Call after <c>AddChatReportGroups</c>, whose subscription port it uses.
    /// </summary>
    public static IHostApplicationBuilder AddChatReportWeCom(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSingleton<IValidateOptions<WeComOptions>, WeComOptionsValidator>();
        services.TryAddSingleton<ChannelMediaStore>();
        services.TryAddSingleton<GroupRobotStore>();
        if (!builder.AddPlatformOptions<WeComOptions>(WeComOptions.Section, nameof(WeComOptions.CorpId)))
        {
            return builder;
        }

        services.AddWeChatFamilyHttpClient(WeComApiClient.HttpClientName);
        services.AddSingleton<WeComApiClient>();
        services.AddSingleton<RobotPacer>();
        services.AddSingleton<WeComInbound>();
        services.AddSingleton<IChannelSender, WeComChannelSender>();
        services.AddSingleton<GroupRobotDialog>();
        services.AddSingleton<IChatCommand, GroupRobotCommand>();
        return builder;
    }

    /// <summary><c>GET</c> and <c>POST /api/wecom</c>, when the channel is configured.</summary>
    public static IEndpointRouteBuilder MapWeCom(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapWeChatFamily<WeComInbound>("/api/wecom");
}
