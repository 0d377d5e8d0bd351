using ChatReport.Conversation.Domain;

namespace ChatReport.Conversation.Deductions;

/// <summary>Tells a member about a deduction. Delivery problems are logged, never thrown.</summary>
public interface IDeductionNotifier
{
    /// <summary>Tells the member of <paramref name="entry"/> how many points were deducted and why.</summary>
    /// <param name="entry">The deduction entry just written.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the member was tried.</returns>
    Task DeductionRecordedAsync(LedgerEntry entry, CancellationToken cancellationToken);
}
