using ChatReport.Conversation.Deductions;
using ChatReport.Conversation.Domain;

namespace ChatReport.Bot.Notifications;

/// <summary>Tells a member about a deduction in their personal conversation.</summary>
public sealed class DeductionNotifier(MemberMessenger messenger) : IDeductionNotifier
{
    public async Task DeductionRecordedAsync(LedgerEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await messenger.SendTextAsync(
            entry.MemberId,
            language => DeductionTexts.ForLanguage(language).MemberDeducted(Math.Abs(entry.Points), entry.Reason ?? ""),
            cancellationToken);
    }
}
