using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace ChatReport.Bot.Tests.Support;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that also tells which timers were started, so a test can
/// see that a retry waits exactly the Retry-After it was given and advance time past it,
/// without sleeping.
/// </summary>
public sealed class RecordingTimeProvider(FakeTimeProvider inner) : TimeProvider
{
    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

    public FakeTimeProvider Fake => inner;

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();

    public override long GetTimestamp() => inner.GetTimestamp();

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = inner.CreateTimer(callback, state, dueTime, period);
        _timers.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>The due time of the next timer started that matches <paramref name="predicate"/>.</summary>
    public async Task<TimeSpan> WaitForTimerAsync(Func<TimeSpan, bool> predicate, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (true)
        {
            var dueTime = await _timers.Reader.ReadAsync(timeout.Token);
            if (predicate(dueTime))
            {
                return dueTime;
            }
        }
    }

    public void Advance(TimeSpan by) => inner.Advance(by);
}
