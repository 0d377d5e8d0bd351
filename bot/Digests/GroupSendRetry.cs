using Polly;
using Polly.Retry;

namespace ChatReport.Bot.Digests;

/// <summary>
/// The retries of a proactive send to a group (a digest, a quarterly notice) as a resilience
/// pipeline: up to <see cref="DigestOptions.MaxAttempts"/> attempts, waiting on the registered
/// clock as the caller's backoff says. A permanent refusal, a lost claim or shutting down ends
/// them at once; the last failure reaches the caller, which records it.
/// </summary>
public static class GroupSendRetry
{
    /// <param name="settings">The attempts allowed.</param>
    /// <param name="time">The clock the waits run on.</param>
    /// <param name="backoff">How long to wait after the failed attempt number n (from 1).</param>
    /// <param name="onRetry">Told of each failed attempt that will be tried again, with its number.</param>
    public static ResiliencePipeline Create(DigestOptions settings, TimeProvider time, Func<int, TimeSpan> backoff, Action<int, Exception> onRetry)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(backoff);
        ArgumentNullException.ThrowIfNull(onRetry);

        // Polly wants at least one retry; one attempt means none.
        if (settings.MaxAttempts <= 1)
        {
            return ResiliencePipeline.Empty;
        }

        return new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = settings.MaxAttempts - 1,
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is { } exception && IsWorthAnotherTry(exception) && !args.Context.CancellationToken.IsCancellationRequested),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(backoff(args.AttemptNumber + 1)),
                OnRetry = args =>
                {
                    onRetry(args.AttemptNumber + 1, args.Outcome.Exception!);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    private static bool IsWorthAnotherTry(Exception exception) =>
        exception is not (DigestClaimLostException or GroupSendException { IsPermanent: true });
}
