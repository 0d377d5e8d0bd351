using ChatReport.Bot.Authentication;
using ChatReport.Bot.Connector;
using ChatReport.Bot.Messaging.Fallbacks;
using ChatReport.Bot.Outbox;
using ChatReport.Bot.Storage.Channels;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatReport.Bot.Messaging;

public static class MessagingExtensions
{
    /// <summary>
    /// The Bot Framework endpoint's services: the turn pipeline, the Connector client and
    /// proactive messaging. Authentication and the bot itself are TryAdd'ed, so whatever
    /// registers them earlier (the authentication and dialog features) wins.
    /// </summary>
    public static IHostApplicationBuilder AddChatReportMessaging(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        builder.AddBotFrameworkSettings();
        services.AddOptions<MessagingOptions>()
            .BindConfiguration(MessagingOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IChannelAuthenticator, AnonymousChannelAuthenticator>();
        services.TryAddSingleton<IConnectorCredentials, NoConnectorCredentials>();
        services.AddConnectorClient();
        // The middleware keeps every conversation's reference; the proactive messenger reads them.
        services.TryAddSingleton<ConversationReferenceStore>();
        services.AddSingleton<ITurnErrorObserver, TurnErrorMetrics>();

        services.AddSingleton<ProcessedActivityStore>();
        services.AddHostedService<ProcessedActivityPruner>();

        // Order matters. De-duplication comes before error handling: when the database cannot
        // record the activity, the request fails with 500 and the channel retries, instead of
        // the turn running unrecorded; a failed turn is still recorded, with its apology.
        services.AddSingleton<ITurnMiddleware, LoggingScopeMiddleware>();
        services.AddSingleton<ITurnMiddleware, DeduplicationMiddleware>();
        services.AddSingleton<ITurnMiddleware, ErrorHandlingMiddleware>();
        services.AddSingleton<ITurnMiddleware, ConversationReferenceMiddleware>();
        services.AddSingleton<ITurnMiddleware, MentionRemovalMiddleware>();
        services.AddSingleton<ITurnMiddleware, CardSubmitMiddleware>();

        // A reply the channel keeps refusing is kept and sent later rather than lost.
        builder.AddChatReportOutbox();
        services.TryAddTransient<IActivityProcessor, ActivityProcessor>();
        return builder;
    }
}
