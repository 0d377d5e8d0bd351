using ChatReport.Bot.Proactive;
using ChatReport.Bot.Scheduling;
using ChatReport.Bot.Storage.Channels;
using ChatReport.Bot.Storage.Schedules;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatReport.Bot.Digests;

public static class DigestExtensions
{
    /// <summary>
    /// Group subscriptions, the daily digests and the yearly cycle rollover, both run by the
    /// clocked-job scheduler. Posting goes through <see cref="IGroupMessenger"/>, over the
    /// proactive messenger when one is registered; without it every send fails and is recorded.
    /// </summary>
    public static IHostApplicationBuilder AddChatReportDigests(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<DigestOptions>()
            .BindConfiguration(DigestOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<GroupSubscriptionStore>();
        services.AddSingleton<DigestSettingsStore>();
        services.AddSingleton<DigestRunStore>();
        services.AddSingleton<DigestDataReader>();
        services.AddSingleton<MemberChatStore>();

        // Over the proactive messenger when the host has one (the web host does; the command line does not).
        services.TryAddSingleton<IGroupMessenger>(provider => provider.GetService<ProactiveMessenger>() is { } proactive
            ? new ProactiveGroupMessenger(proactive)
            : new NotConfiguredGroupMessenger());
        services.AddSingleton<SendPacer>();
        services.AddSingleton<FailureReporter>();
        services.AddSingleton<DigestDispatcher>();
        services.AddSingleton<CycleRollover>();

        // Digest:Enabled switches off the rollover with the digests (the storage's start-up initializer still creates a missing cycle).
        services.AddClockedJob(provider => new ClockedJob(
            "cycle rollover",
            () => provider.GetRequiredService<IOptions<DigestOptions>>().Value.Enabled,
            async cancellationToken => await provider.GetRequiredService<CycleRollover>().EnsureCurrentCycleAsync(cancellationToken),
            _ => ValueTask.FromResult<DateTimeOffset?>(provider.GetRequiredService<CycleRollover>().NextRollover())));
        services.AddClockedJob<DigestJob>();
        return builder;
    }
}
