using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry.Metrics;

namespace ChatReport.Bot.Metrics;

public static class MetricsExtensions
{
    /// <summary>
    /// <see cref="ChatReportMetrics"/> (always: recording without a listener costs nothing) and, with
    /// <c>Metrics:Enabled</c>, OpenTelemetry with ASP.NET Core's request metrics and a Prometheus
    /// exporter, listening also on <c>Metrics:Urls</c> when set.
    /// </summary>
    public static WebApplicationBuilder AddChatReportMetrics(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<MetricsOptions>()
            .BindConfiguration(MetricsOptions.Section)
            .Validate(
                o => o.UrlList.All(url => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp && uri.Port > 0),
                "Metrics:Urls must be http addresses with a fixed port (http://127.0.0.1:9464): the port is how /metrics is told apart.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton<ChatReportMetrics>();

        var options = builder.Configuration.GetSection(MetricsOptions.Section).Get<MetricsOptions>() ?? new MetricsOptions();
        if (!options.Enabled)
        {
            return builder;
        }

        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(ChatReportMetrics.MeterName)
            // The runtime's own meter (CPU time, bytes allocated, GC): what a turn costs in work.
            .AddMeter("System.Runtime")
            .AddAspNetCoreInstrumentation()
            .AddPrometheusExporter());
        if (options.UrlList.Count > 0)
        {
            var urls = builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey);
            builder.WebHost.UseSetting(WebHostDefaults.ServerUrlsKey, string.Join(';', [urls, .. options.UrlList]));
        }

        return builder;
    }

    /// <summary>
    /// <c>/metrics</c> when enabled. With <c>Metrics:Urls</c> it answers only on those ports, and
    /// those ports answer nothing else, so the bot's public address never shows the figures.
    /// </summary>
    public static WebApplication UseChatReportMetrics(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Configuration.GetSection(MetricsOptions.Section).Get<MetricsOptions>() ?? new MetricsOptions();
        if (!options.Enabled)
        {
            return app;
        }

        var ports = options.UrlList.Select(url => new Uri(url).Port).ToHashSet();
        if (ports.Count == 0)
        {
            app.UseOpenTelemetryPrometheusScrapingEndpoint();
            return app;
        }

        app.Use(async (context, next) =>
        {
            var onMetricsPort = ports.Contains(context.Connection.LocalPort);
            if (onMetricsPort != context.Request.Path.Equals("/metrics", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            await next(context);
        });
        app.UseOpenTelemetryPrometheusScrapingEndpoint();
        return app;
    }
}
