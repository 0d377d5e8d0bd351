using ChatReport.Bot.Storage;

namespace ChatReport.Bot.Outbox;

public static class OutboxExtensions
{
    /// <summary>Replies refused for a transient reason are kept and sent again later.</summary>
    public static IHostApplicationBuilder AddChatReportOutbox(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<OutboxOptions>()
            .BindConfiguration(OutboxOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<ReplyOutboxStore>();
        builder.Services.AddSingleton<ReplyOutbox>();
        builder.Services.AddHostedService<OutboxSender>();
        return builder;
    }
}
