using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatReport.Bot.Authentication;

public static class AuthenticationExtensions
{
    /// <summary>
    /// Bot Framework authentication both ways: the inbound JWT check and the outbound Connector
    /// token, configured from the root keys the SDK uses (MicrosoftAppId, MicrosoftAppPassword, ...).
    /// Registered with AddSingleton so that they replace any TryAdd fallback of the messaging feature.
    /// </summary>
    public static IHostApplicationBuilder AddChatReportAuthentication(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddBotFrameworkSettings();

        builder.Services.AddHttpClient(ChannelAuthenticator.HttpClientName, client =>
        {
            client.Timeout = TimeSpan.FromSeconds(30);
            client.MaxResponseContentBufferSize = 1024 * 1024;
        });
        builder.Services.AddHttpClient(ConnectorCredentials.HttpClientName, client =>
        {
            client.Timeout = TimeSpan.FromSeconds(30);
            client.MaxResponseContentBufferSize = 64 * 1024;
        });

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IChannelAuthenticator, ChannelAuthenticator>();
        builder.Services.AddSingleton<IConnectorCredentials, ConnectorCredentials>();
        builder.Services.AddHostedService<AuthenticationStartupLog>();
        return builder;
    }

    /// <summary>
    /// The one place that decides whether authentication is on: <see cref="BotFrameworkSettings"/>,
    /// bound from the root keys and validated at start. Every feature that cares injects it; calling
    /// this again adds nothing.
    /// </summary>
    public static IHostApplicationBuilder AddBotFrameworkSettings(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Services.Any(service => service.ServiceType == typeof(BotFrameworkSettings)))
        {
            return builder;
        }

        builder.Services.AddOptions<BotFrameworkAuthenticationOptions>()
            .Bind(builder.Configuration)
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<BotFrameworkAuthenticationOptions>, BotFrameworkAuthenticationOptionsValidator>();
        builder.Services.AddSingleton(services => BotFrameworkSettings.From(services.GetRequiredService<IOptions<BotFrameworkAuthenticationOptions>>().Value));
        return builder;
    }
}
