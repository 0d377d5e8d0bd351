using System.Collections.Concurrent;
using ChatReport.Bot.Digests;
using ChatReport.Bot.Storage.Channels;
using ChatReport.Dialogs.Schema;

namespace ChatReport.Bot.Tests.Digests;

/// <summary>Records what would be posted, stamped with the fake clock; fails on demand.</summary>
public sealed class FakeMessenger(TimeProvider time) : IGroupMessenger
{
    private readonly ConcurrentQueue<SentActivity> _sent = new();
    private int _calls;

    /// <summary>Returns the exception to throw for a send, or null to let it through.</summary>
    public Func<GroupAddress, Exception?>? FailWith { get; set; }

    /// <summary>Runs before the send is recorded, with the call's token (to hang until cancelled, say).</summary>
    public Func<GroupAddress, CancellationToken, Task>? Before { get; set; }

    public int Calls => _calls;

    public IReadOnlyList<SentActivity> Sent => [.. _sent];

    public IReadOnlyList<SentActivity> To(GroupAddress address) => [.. _sent.Where(s => s.To == address)];

    public async Task<string?> SendAsync(GroupAddress address, Activity activity, CancellationToken cancellationToken)
    {
        var call = Interlocked.Increment(ref _calls);
        if (Before is { } before)
        {
            await before(address, cancellationToken);
        }

        if (FailWith?.Invoke(address) is { } failure)
        {
            throw failure;
        }

        _sent.Enqueue(new SentActivity(address, activity, time.GetUtcNow()));
        return $"activity-{call}";
    }
}
