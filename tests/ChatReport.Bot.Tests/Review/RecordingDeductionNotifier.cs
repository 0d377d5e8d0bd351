using System.Collections.Concurrent;
using ChatReport.Dialogs.Deductions;
using ChatReport.Dialogs.Domain;

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
