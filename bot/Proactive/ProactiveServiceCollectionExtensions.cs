using ChatReport.Bot.Storage.Channels;

namespace ChatReport.Bot.Proactive;

public static class ProactiveServiceCollectionExtensions
{
    /// <summary>The stored conversation references and the messenger that posts into them.</summary>
    public static IServiceCollection AddProactiveMessaging(this IServiceCollection services)
    {
        services.AddSingleton<ConversationReferenceStore>();
        services.AddSingleton<ProactiveMessenger>();
        return services;
    }
}
