namespace ChatReport.Bot.Scheduling;

public static class SchedulingExtensions
{
    /// <summary>Adds a job to <see cref="ClockedJobScheduler"/> (and the scheduler, once). Jobs run in the order they are added.</summary>
    public static IServiceCollection AddClockedJob<TJob>(this IServiceCollection services)
        where TJob : class, IClockedJob
    {
        services.AddSingleton<IClockedJob, TJob>();
        services.AddHostedService<ClockedJobScheduler>();
        return services;
    }

    /// <inheritdoc cref="AddClockedJob{TJob}(IServiceCollection)"/>
    public static IServiceCollection AddClockedJob(this IServiceCollection services, Func<IServiceProvider, IClockedJob> job)
    {
        services.AddSingleton(job);
        services.AddHostedService<ClockedJobScheduler>();
        return services;
    }
}
