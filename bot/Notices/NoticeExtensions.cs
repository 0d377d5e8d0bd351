using ChatReport.Bot.Cli;
using ChatReport.Bot.Digests;
using ChatReport.Bot.Notifications;
using ChatReport.Bot.Scheduling;
using ChatReport.Bot.Storage.Domain;
using ChatReport.Bot.Storage.Schedules;
using Microsoft.Extensions.Options;

namespace ChatReport.Bot.Notices;

public static class NoticeExtensions
{
    /// <summary>
    /// The quarterly notice: building, printing and exporting it, posting it to the branch's groups
    /// and its objection period, the last two run by the clocked-job scheduler after the digests
    /// (and, like them, switched off by <c>Digest:Enabled</c>). Call after
    /// <see cref="DigestExtensions.AddChatReportDigests"/>, whose messenger and pacing it shares.
    /// </summary>
    public static IHostApplicationBuilder AddChatReportNotices(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<NoticeOptions>()
            .BindConfiguration(NoticeOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<ObjectionOptions>()
            .BindConfiguration(ObjectionOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddSingleton<NoticeStore>();
        services.AddSingleton<NoticeBuilder>();
        services.AddSingleton<NoticePdfWriter>();
        services.AddSingleton<QuarterNoticeService>();
        services.AddSingleton<ObjectionStore>();
        services.AddSingleton<ObjectionNotifier>();
        services.AddSingleton<ObjectionPeriods>();
        services.AddSingleton<ICliCommand, ExportNoticeCliCommand>();

        services.AddClockedJob(provider => new ClockedJob(
            "quarterly notices",
            () => provider.GetRequiredService<IOptions<DigestOptions>>().Value.Enabled,
            cancellationToken => provider.GetRequiredService<QuarterNoticeService>().RunDueAsync(cancellationToken)));
        services.AddClockedJob(provider => new ClockedJob(
            "objection periods",
            () => provider.GetRequiredService<IOptions<DigestOptions>>().Value.Enabled,
            async cancellationToken => await provider.GetRequiredService<ObjectionPeriods>().RunDueAsync(cancellationToken)));
        return builder;
    }
}
