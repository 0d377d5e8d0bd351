namespace ChatReport.Bot.DirectLine;

/// <summary>
/// Who is listening on a WebSocket, per conversation. It carries no activities, only "something
/// new was stored": each socket then reads the history after its own watermark, so order and
/// gaps are the database's business and a slow socket never holds up the others.
/// </summary>
/// <remarks>
/// The service allows one socket per conversation. In a group several people share the
/// conversation, so here the limit is one socket per token (each page load has its own token): a
/// second socket with the same token replaces the first, which is closed with reason "collision".
/// </remarks>
public sealed class DirectLineStreamHub
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Dictionary<string, StreamSubscription>> _listeners = new(StringComparer.Ordinal);

    /// <summary>Registers a socket of <paramref name="conversationId"/> under <paramref name="streamKey"/> (the token id).</summary>
    public StreamSubscription Subscribe(string conversationId, string streamKey)
    {
        var subscription = new StreamSubscription(this, conversationId, streamKey);
        StreamSubscription? replaced;
        lock (_gate)
        {
            if (!_listeners.TryGetValue(conversationId, out var sockets))
            {
                sockets = new Dictionary<string, StreamSubscription>(StringComparer.Ordinal);
                _listeners.Add(conversationId, sockets);
            }

            sockets.Remove(streamKey, out replaced);
            sockets.Add(streamKey, subscription);
        }

        replaced?.MarkReplaced();
        return subscription;
    }

    /// <summary>Wakes every socket of the conversation to read what was stored.</summary>
    public void Notify(string conversationId)
    {
        StreamSubscription[] sockets;
        lock (_gate)
        {
            if (!_listeners.TryGetValue(conversationId, out var map))
            {
                return;
            }

            sockets = [.. map.Values];
        }

        foreach (var socket in sockets)
        {
            socket.Wake();
        }
    }

    /// <summary>
    /// Wakes every socket of this process to read after its watermark: after a gap in the other
    /// instances' announcements (a dropped listening connection) nothing stays unread.
    /// </summary>
    public void NotifyAll()
    {
        StreamSubscription[] sockets;
        lock (_gate)
        {
            sockets = [.. _listeners.Values.SelectMany(map => map.Values)];
        }

        foreach (var socket in sockets)
        {
            socket.Wake();
        }
    }

    /// <summary>How many sockets listen on the conversation (for tests and diagnostics).</summary>
    public int CountListeners(string conversationId)
    {
        lock (_gate)
        {
            return _listeners.TryGetValue(conversationId, out var map) ? map.Count : 0;
        }
    }

    internal void Remove(StreamSubscription subscription)
    {
        lock (_gate)
        {
            if (_listeners.TryGetValue(subscription.ConversationId, out var sockets)
                && sockets.TryGetValue(subscription.StreamKey, out var current)
                && ReferenceEquals(current, subscription))
            {
                sockets.Remove(subscription.StreamKey);
                if (sockets.Count == 0)
                {
                    _listeners.Remove(subscription.ConversationId);
                }
            }
        }
    }
}
