using ChatReport.Bot.Channels.Platform;
using ChatReport.Bot.Storage.Connections;
using Microsoft.Extensions.Options;

namespace ChatReport.Bot.Channels.WeCom;

/// <summary>
/// Keeps each group robot within its limit (20 messages in any minute; beyond that WeCom refuses
/// it for a while). A send that would break the limit waits for the oldest of the minute to age
/// out, on <see cref="TimeProvider"/>; a digest of many parts then arrives complete, a little later.
/// </summary>
public sealed class RobotPacer(IOptions<WeComOptions> options, TimeProvider time, IOptions<StorageOptions> storage)
{
    // WeCom counts the robot's messages, whichever instance sent them.
    private readonly int _perMinute = storage.Value.ShareOf(options.Value.RobotMessagesPerMinute);

    private readonly SendsPerMinute _sends = new(time);

    /// <summary>Waits until <paramref name="conversationId"/>'s robot may send once more, and books that send.</summary>
    public async Task WaitAsync(string conversationId, CancellationToken cancellationToken)
    {
        while (_sends.TryTake(conversationId, _perMinute) is { } wait)
        {
            await Task.Delay(wait, time, cancellationToken);
        }
    }
}
