namespace ChatReport.Bot.Channels.Platform;

/// <summary>
/// Counts this instance's sends per target in a sliding minute, on <see cref="TimeProvider"/>: the
/// way WeCom and DingTalk count what a group robot may send (20 in any minute).
/// </summary>
public sealed class SendsPerMinute(TimeProvider time)
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private readonly Dictionary<string, Queue<DateTimeOffset>> _sent = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>
    /// Books a send to <paramref name="target"/> and returns null when fewer than
    /// <paramref name="limit"/> went in the last minute; otherwise books nothing and returns how
    /// long until the oldest of them leaves the minute.
    /// </summary>
    public TimeSpan? TryTake(string target, int limit)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            if (!_sent.TryGetValue(target, out var sends))
            {
                _sent[target] = sends = new Queue<DateTimeOffset>();
            }

            while (sends.Count > 0 && now - sends.Peek() >= Minute)
            {
                sends.Dequeue();
            }

            if (sends.Count < limit)
            {
                sends.Enqueue(now);
                return null;
            }

            return sends.Peek() + Minute - now;
        }
    }
}
