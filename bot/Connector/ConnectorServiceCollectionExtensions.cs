using System.Net;
using ChatReport.Bot.Metrics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace ChatReport.Bot.Connector;

public static class ConnectorServiceCollectionExtensions
{
    /// <summary>
    /// The Connector client and its HttpClient: rate limiting per conversation (outermost), then
    /// a total timeout, retries with exponential backoff and jitter that honour Retry-After, and
    /// a per-attempt timeout. All waits run on the registered <see cref="TimeProvider"/>.
    /// </summary>
    public static IServiceCollection AddConnectorClient(this IServiceCollection services)
    {
        services.AddOptions<ConnectorOptions>()
            .BindConfiguration(ConnectorOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<ConnectorClient>();
        services.TryAddSingleton<ChatReportMetrics>();
        services.AddSingleton<ConversationRateLimiter>();
        services.AddTransient<RateLimitingHandler>();

        services.AddHttpClient(ConnectorClient.HttpClientName, client =>
            {
                // The resilience pipeline owns timeouts; HttpClient's own 100 s would cut across it.
                client.Timeout = Timeout.InfiniteTimeSpan;
                client.DefaultRequestHeaders.UserAgent.ParseAdd("ChatReport/1.0 (BotFramework-Connector/3.1)");
            })
            .AddHttpMessageHandler<RateLimitingHandler>()
            .AddResilienceHandler("connector", (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<ConnectorOptions>>().Value;
                var time = context.ServiceProvider.GetRequiredService<TimeProvider>();
                var logger = context.ServiceProvider.GetRequiredService<ILogger<ConnectorClient>>();
                pipeline.TimeProvider = time;
                pipeline.AddTimeout(options.TotalTimeout);
                // Polly refuses zero retries; zero means "fail at once" (the outbox retries later).
                if (options.MaxRetryAttempts > 0)
                {
                    pipeline.AddRetry(RetryOptions(options, time, logger));
                }

                pipeline.AddTimeout(options.AttemptTimeout);
            });
        return services;
    }

    internal static RetryStrategyOptions<HttpResponseMessage> RetryOptions(ConnectorOptions options, TimeProvider time, ILogger logger) => new()
    {
        MaxRetryAttempts = options.MaxRetryAttempts,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        Delay = options.RetryBaseDelay,
        MaxDelay = options.MaxRetryDelay,
        ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, options, time)),
        DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result is { } response ? RetryAfter(response, time) : null),
        OnRetry = args =>
        {
            logger.LogWarning(
                "Connector call got {Outcome}; retry {Attempt} in {Delay}",
                args.Outcome.Result is { } response ? (int)response.StatusCode : args.Outcome.Exception?.GetType().Name,
                args.AttemptNumber + 1,
                args.RetryDelay);
            return ValueTask.CompletedTask;
        },
    };

    // 429 and 412 are Teams' throttling answers, 502/503/504 a gateway that may recover; a 500
    // is not retried because the activity may already have been posted.
    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ConnectorOptions options, TimeProvider time)
    {
        if (outcome.Exception is not null)
        {
            return outcome.Exception is HttpRequestException or TimeoutRejectedException;
        }

        var response = outcome.Result!;
        if (response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed
            or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout))
        {
            return false;
        }

        // A channel asking for a longer pause than we will hold a turn for gets its answer now.
        return RetryAfter(response, time) is not { } wait || wait <= options.MaxRetryDelay;
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider time)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
