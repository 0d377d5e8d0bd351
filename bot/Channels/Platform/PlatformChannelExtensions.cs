namespace ChatReport.Bot.Channels.Platform;

/// <summary>What the chat platforms' channels (WeCom, WeChat, DingTalk) register alike.</summary>
public static class PlatformChannelExtensions
{
    /// <summary>Binds and validates the channel's options; true when <paramref name="requiredKey"/> is set, which turns the channel on.</summary>
    /// <typeparam name="TOptions">The channel's options.</typeparam>
    /// <param name="builder">The host builder.</param>
    /// <param name="section">The options' configuration section.</param>
    /// <param name="requiredKey">The setting without which the channel stays off.</param>
    /// <returns>Whether the channel is on.</returns>
    public static bool AddPlatformOptions<TOptions>(this IHostApplicationBuilder builder, string section, string requiredKey)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<TOptions>()
            .BindConfiguration(section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return !string.IsNullOrEmpty(builder.Configuration[$"{section}:{requiredKey}"]);
    }

    /// <summary>
    /// The named client for the platform's API. Its URLs carry access tokens, app secrets and
    /// robots' webhook keys, and the default request logging writes URLs: it gets no loggers.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The client's name.</param>
    /// <param name="configure">Sets its timeout and headers.</param>
    /// <returns>The client's builder.</returns>
    public static IHttpClientBuilder AddPlatformHttpClient(this IServiceCollection services, string name, Action<IServiceProvider, HttpClient> configure) =>
        services.AddHttpClient(name, configure).RemoveAllLoggers();

    /// <summary>The client settings WeCom and WeChat share: 15 seconds, media up to 16 MiB.</summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The client's name.</param>
    /// <returns>The client's builder.</returns>
    public static IHttpClientBuilder AddWeChatFamilyHttpClient(this IServiceCollection services, string name) =>
        services.AddPlatformHttpClient(name, (_, client) =>
        {
            client.Timeout = TimeSpan.FromSeconds(15);
            client.MaxResponseContentBufferSize = 16 * 1024 * 1024;
        });
}
