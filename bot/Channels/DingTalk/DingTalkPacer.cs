using ChatReport.Bot.Channels.Platform;
using ChatReport.Bot.Connector;
using ChatReport.Bot.Storage.Connections;
using Microsoft.Extensions.Options;

namespace ChatReport.Bot.Channels.DingTalk;

/// <summary>
/// Keeps each group under DingTalk's per-robot limit (20 messages a minute; going over mutes the
/// robot for ten minutes) by counting this instance's sends in a sliding minute. A send over the
/// limit waits for its slot (at most a minute); one that still finds none after two waits, because
/// others took the slots, is refused as 429 so the caller's outbox or backoff sends it later.
/// </summary>
public sealed class DingTalkPacer(IOptions<DingTalkOptions> options, TimeProvider time, IOptions<StorageOptions> storage)
{
    // DingTalk counts the group's messages, whichever instance sent them, and mutes the robot past the cap.
    private readonly int _perMinute = storage.Value.ShareOf(options.Value.GroupMessagesPerMinute);

    private readonly SendsPerMinute _sends = new(time);

    public async Task WaitTurnAsync(string target, CancellationToken cancellationToken)
    {
        for (var round = 0; _sends.TryTake(target, _perMinute) is { } wait; round++)
        {
            if (round >= 2)
            {
                throw new ConnectorException("DingTalkPacing", 429, "paced", "Over DingTalk's messages-per-minute limit for this group; sending later.", null, null);
            }

            await Task.Delay(wait, time, cancellationToken);
        }
    }
}
