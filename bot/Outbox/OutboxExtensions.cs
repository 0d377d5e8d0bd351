using ChatReport.Bot.Storage.Channels;

namespace ChatReport.Bot.Outbox;

public static class OutboxExtensions
{
    /// <summary>Everything the bot sends goes through the outbox, after the commit of the work that decided it.</summary>
    public static IHostApplicationBuilder AddChatReportOutbox(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<OutboxOptions>()
            .BindConfiguration(OutboxOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<OutboxStore>();
        builder.Services.AddSingleton<Outbox>();
        builder.Services.AddSingleton<OutboxDispatcher>();
        builder.Services.AddHostedService(services => services.GetRequiredService<OutboxDispatcher>());
        return builder;
    }
}
