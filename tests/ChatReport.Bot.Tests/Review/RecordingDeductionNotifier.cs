using System.Collections.Concurrent;
using ChatReport.Conversation.Deductions;
using ChatReport.Conversation.Domain;

namespace ChatReport.Bot.Tests.Review;

public sealed class RecordingDeductionNotifier : IDeductionNotifier
{
    public ConcurrentQueue<LedgerEntry> Entries { get; } = new();

    public Task DeductionRecordedAsync(LedgerEntry entry, CancellationToken cancellationToken)
    {
        Entries.Enqueue(entry);
        return Task.CompletedTask;
    }
}
