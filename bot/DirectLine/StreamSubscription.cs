using System.Threading.Channels;

namespace ChatReport.Bot.DirectLine;

/// <summary>One socket's registration with the <see cref="DirectLineStreamHub"/>.</summary>
public sealed class StreamSubscription : IDisposable
{
    private readonly DirectLineStreamHub _hub;

    // Capacity one and drop-on-full: any number of notifications while the socket is busy
    // collapse into a single "read again".
    private readonly Channel<bool> _wakeups = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly CancellationTokenSource _replaced = new();

    internal StreamSubscription(DirectLineStreamHub hub, string conversationId, string streamKey)
    {
        _hub = hub;
        ConversationId = conversationId;
        StreamKey = streamKey;
    }

    public string ConversationId { get; }

    public string StreamKey { get; }

    public ChannelReader<bool> Wakeups => _wakeups.Reader;

    /// <summary>Cancelled when a newer socket with the same token took this one's place.</summary>
    public CancellationToken Replaced => _replaced.Token;

    public void Dispose()
    {
        _hub.Remove(this);
        _replaced.Dispose();
    }

    internal void Wake() => _wakeups.Writer.TryWrite(true);

    internal void MarkReplaced()
    {
        try
        {
            _replaced.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The old socket ended on its own meanwhile.
        }
    }
}
