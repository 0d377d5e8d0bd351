using Microsoft.Extensions.Options;

namespace ChatReport.Bot.Channels.WeCom;

/// <summary>
/// Keeps each group robot within its limit (20 messages in any minute; beyond that WeCom refuses
/// it for a while). A send that would break the limit waits for the oldest of the minute to age
/// out, on <see cref="TimeProvider"/>; a digest of many parts then arrives complete, a little later.
/// </summary>
public sealed class RobotPacer(IOptions<WeComOptions> options, TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly Dictionary<string, Queue<DateTimeOffset>> _sent = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Waits until <paramref name="conversationId"/>'s robot may send once more, and books that send.</summary>
    public async Task WaitAsync(string conversationId, CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_lock)
            {
                var now = time.GetUtcNow();
                if (!_sent.TryGetValue(conversationId, out var sent))
                {
                    _sent[conversationId] = sent = new Queue<DateTimeOffset>();
                }

                while (sent.Count > 0 && now - sent.Peek() >= Window)
                {
                    sent.Dequeue();
                }

                if (sent.Count < options.Value.RobotMessagesPerMinute)
                {
                    sent.Enqueue(now);
                    return;
                }

                wait = sent.Peek() + Window - now;
            }

            await Task.Delay(wait, time, cancellationToken);
        }
    }
}
