using ChatReport.Bot.Notices;
using ChatReport.Bot.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatReport.Bot.Digests;

public static class DigestExtensions
{
    /// <summary>
    /// Group subscriptions, the daily digests, the quarterly notices and the background scheduler
    /// (also the yearly cycle rollover). Posting goes through <see cref="IGroupMessenger"/>: the
    /// host registers one over the proactive messenger; until then every send fails and is recorded.
    /// </summary>
    public static IHostApplicationBuilder AddChatReportDigests(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<DigestOptions>()
            .BindConfiguration(DigestOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);

        builder.Services.AddSingleton<GroupSubscriptionStore>();
        builder.Services.AddSingleton<DigestSettingsStore>();
        builder.Services.AddSingleton<DigestRunStore>();
        builder.Services.AddSingleton<DigestDataReader>();
        builder.Services.AddSingleton<MemberChatStore>();
        builder.Services.AddSingleton<NoticeStore>();

        builder.Services.TryAddSingleton<IGroupMessenger, NotConfiguredGroupMessenger>();
        builder.Services.AddSingleton<SendPacer>();
        builder.Services.AddSingleton<FailureReporter>();
        builder.Services.AddSingleton<DigestDispatcher>();
        builder.Services.AddSingleton<NoticeBuilder>();
        builder.Services.AddSingleton<QuarterNoticeService>();
        builder.Services.AddSingleton<CycleRollover>();
        if (builder.Configuration.GetValue($"{DigestOptions.Section}:{nameof(DigestOptions.Enabled)}", true))
        {
            builder.Services.AddHostedService<DigestScheduler>();
        }

        return builder;
    }
}
