using ChatReport.Bot.Authentication;
using ChatReport.Bot.Storage.Channels;
using ChatReport.Bot.Storage.Migrations;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatReport.Bot.DirectLine;

public static class DirectLineExtensions
{
    /// <summary>The local Direct Line 3.0 channel: options, secret, tokens, history store and streams.</summary>
    public static IHostApplicationBuilder AddChatReportDirectLine(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddBotFrameworkSettings();
        builder.Services.AddOptions<DirectLineOptions>()
            .BindConfiguration(DirectLineOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<DirectLineSecret>();
        builder.Services.AddSingleton<IDatabaseInitializer>(services => services.GetRequiredService<DirectLineSecret>());
        builder.Services.AddSingleton<DirectLineTokenService>();
        builder.Services.AddSingleton<DirectLineStore>();
        builder.Services.AddSingleton<DirectLineStreamHub>();
        builder.Services.AddHostedService<DirectLineNotificationListener>();
        builder.Services.AddSingleton<DirectLineChannel>();
        builder.Services.AddSingleton<DirectLineAuthenticator>();
        builder.Services.AddSingleton<DirectLineStreamer>();
        builder.Services.AddSingleton<DirectLineConnectorGuard>();
        builder.Services.AddTransient<IStartupFilter, DirectLineStartupFilter>();
        return builder;
    }

    /// <summary>True when the channel runs: <c>DirectLine:Enabled</c>, or by default when no MicrosoftAppId is set.</summary>
    public static bool IsDirectLineEnabled(this IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.GetRequiredService<IOptions<DirectLineOptions>>().Value
            .IsEnabled(services.GetRequiredService<BotFrameworkSettings>());
    }

    /// <summary>
    /// The client API under <c>/v3/directline</c> (with its WebSocket stream) and the Connector API
    /// under <c>/directline/v3</c>, where the bot's replies arrive. Nothing is mapped when the
    /// channel is off.
    /// </summary>
    public static RouteGroupBuilder MapDirectLine(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (!endpoints.ServiceProvider.IsDirectLineEnabled())
        {
            endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DirectLineExtensions))
                .LogInformation("The local Direct Line channel is off (DirectLine:Enabled, or MicrosoftAppId is set)");
            return endpoints.MapGroup("/v3/directline");
        }

        endpoints.MapDirectLineConnectorApi();
        return endpoints.MapDirectLineClientApi();
    }
}
