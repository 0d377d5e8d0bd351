using ChatReport.Conversation.Domain;

namespace ChatReport.Bot.Storage.Domain;

internal sealed record NewLedgerEntry(
    long MemberId,
    long UnitId,
    long CycleId,
    int Quarter,
    LedgerKind Kind,
    int Points,
    DateOnly OccurredOn,
    DateTimeOffset RecordedAt,
    long? RecordedBy = null,
    string? Reason = null,
    long? RuleId = null,
    long? ClaimId = null,
    long? TaskId = null,
    long? ReversesEntryId = null,
    ActivityKey? Source = null);
