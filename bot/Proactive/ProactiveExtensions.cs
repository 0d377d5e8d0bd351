using ChatReport.Bot.Storage.Channels;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatReport.Bot.Proactive;

public static class ProactiveExtensions
{
    /// <summary>The stored conversation references and the messenger that posts into them.</summary>
    public static IHostApplicationBuilder AddChatReportProactive(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<ConversationReferenceStore>();
        builder.Services.AddSingleton<ProactiveMessenger>();
        return builder;
    }
}
