using ChatReport.Bot.Notices;
using ChatReport.Bot.Proactive;
using ChatReport.Bot.Storage.Channels;
using ChatReport.Bot.Storage.Domain;
using ChatReport.Bot.Storage.Schedules;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatReport.Bot.Digests;

public static class DigestExtensions
{
    /// <summary>
    /// Group subscriptions, the daily digests, the quarterly notices and the background scheduler
    /// (also the yearly cycle rollover). Posting goes through <see cref="IGroupMessenger"/>, over the
    /// proactive messenger when one is registered; without it every send fails and is recorded.
    /// </summary>
    public static IHostApplicationBuilder AddChatReportDigests(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<DigestOptions>()
            .BindConfiguration(DigestOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<NoticeOptions>()
            .BindConfiguration(NoticeOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<ObjectionOptions>()
            .BindConfiguration(ObjectionOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);

        builder.Services.AddSingleton<GroupSubscriptionStore>();
        builder.Services.AddSingleton<DigestSettingsStore>();
        builder.Services.AddSingleton<DigestRunStore>();
        builder.Services.AddSingleton<DigestDataReader>();
        builder.Services.AddSingleton<MemberChatStore>();
        builder.Services.AddSingleton<NoticeStore>();

        // Over the proactive messenger when the host has one (the web host does; the command line does not).
        builder.Services.TryAddSingleton<IGroupMessenger>(services => services.GetService<ProactiveMessenger>() is { } proactive
            ? new ProactiveGroupMessenger(proactive)
            : new NotConfiguredGroupMessenger());
        builder.Services.AddSingleton<SendPacer>();
        builder.Services.AddSingleton<FailureReporter>();
        builder.Services.AddSingleton<DigestDispatcher>();
        builder.Services.AddSingleton<NoticeBuilder>();
        builder.Services.AddSingleton<NoticePdfWriter>();
        builder.Services.AddSingleton<ChatReport.Bot.Charts.ChartRenderer>();
        builder.Services.AddSingleton<ChartDataStore>();
        builder.Services.AddSingleton<ChatReport.Dialogs.Points.IPointsCharts, ChatReport.Bot.Charts.PointsChartsAdapter>();
        builder.Services.AddSingleton<QuarterNoticeService>();
        builder.Services.AddSingleton<ObjectionStore>();
        builder.Services.AddSingleton<ChatReport.Bot.Notifications.ObjectionNotifier>();
        builder.Services.AddSingleton<ObjectionPeriods>();
        builder.Services.AddSingleton<ChatReport.Bot.Cli.ICliCommand, ExportNoticeCliCommand>();
        builder.Services.AddSingleton<CycleRollover>();
        builder.Services.AddHostedService<DigestScheduler>();

        return builder;
    }
}
