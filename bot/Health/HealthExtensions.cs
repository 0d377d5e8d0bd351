using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace ChatReport.Bot.Health;

public static class HealthExtensions
{
    private const string Ready = "ready";

    /// <summary>The readiness checks: the database with this version's schema, and an outbox that is not stuck.</summary>
    public static IHostApplicationBuilder AddChatReportHealth(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<HealthOptions>()
            .BindConfiguration(HealthOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseReadyHealthCheck>("schema", tags: [Ready])
            .AddCheck<OutboxHealthCheck>("outbox", tags: [Ready]);
        return builder;
    }

    /// <summary>
    /// <c>/healthz/live</c>: the process answers (restart it when not). <c>/healthz/ready</c>: send
    /// it traffic (database readable and migrated, outbox moving). <c>/healthz</c>: the database can
    /// be read, as before. Each answers 200 or 503 with the status in the body.
    /// </summary>
    public static IEndpointRouteBuilder MapChatReportHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = check => check.Name == "database" });
        endpoints.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/healthz/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready) });
        return endpoints;
    }
}
