using ChatReport.Bot.Connector;
using Microsoft.Extensions.Options;

namespace ChatReport.Bot.Channels.DingTalk;

/// <summary>
/// Keeps each group under DingTalk's per-robot limit (20 messages a minute; going over mutes the
/// robot for ten minutes) by counting this instance's sends in a sliding minute. A send over the
/// limit waits for its slot (at most a minute); one that still finds none after two waits, because
/// others took the slots, is refused as 429 so the caller's outbox or backoff sends it later.
/// </summary>
public sealed class DingTalkPacer(IOptions<DingTalkOptions> options, TimeProvider time)
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private readonly Dictionary<string, Queue<DateTimeOffset>> _sent = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public async Task WaitTurnAsync(string target, CancellationToken cancellationToken)
    {
        for (var round = 0; ; round++)
        {
            var wait = TryTake(target);
            if (wait is null)
            {
                return;
            }

            if (round >= 2)
            {
                throw new ConnectorException("DingTalkPacing", 429, "paced", "Over DingTalk's messages-per-minute limit for this group; sending later.", null, null);
            }

            await Task.Delay(wait.Value, time, cancellationToken);
        }
    }

    // Null when the send may go now (and is counted), else how long until the oldest send leaves the minute.
    private TimeSpan? TryTake(string target)
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

            if (sends.Count < options.Value.GroupMessagesPerMinute)
            {
                sends.Enqueue(now);
                return null;
            }

            return sends.Peek() + Minute - now;
        }
    }
}
