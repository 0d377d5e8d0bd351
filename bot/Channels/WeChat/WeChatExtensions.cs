using ChatReport.Bot.Channels.Platform;
using ChatReport.Bot.Connector;
using ChatReport.Bot.Storage.Channels;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatReport.Bot.Channels.WeChat;

public static class WeChatExtensions
{
    /// <summary>
    /// The WeChat Official Account channel, when <c>WeChat:AppId</c> is set: the callback at
    /// <c>/api/wechat</c> and the customer-service sender that <see cref="ConnectorClient"/> hands
    /// <c>wechat</c> activities to.
    /// </summary>
    public static IHostApplicationBuilder AddChatReportWeChat(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSingleton<IValidateOptions<WeChatOptions>, WeChatOptionsValidator>();
        services.TryAddSingleton<ChannelMediaStore>();
        if (!builder.AddPlatformOptions<WeChatOptions>(WeChatOptions.Section, nameof(WeChatOptions.AppId)))
        {
            return builder;
        }

        services.AddWeChatFamilyHttpClient(WeChatApiClient.HttpClientName);
        services.AddSingleton<WeChatApiClient>();
        services.AddSingleton<WeChatInbound>();
        services.AddSingleton<IChannelSender, WeChatChannelSender>();
        return builder;
    }

    /// <summary><c>GET</c> and <c>POST /api/wechat</c>, when the channel is configured.</summary>
    public static IEndpointRouteBuilder MapWeChat(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapWeChatFamily<WeChatInbound>("/api/wechat");
}
