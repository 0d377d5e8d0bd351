using ChatReport.Conversation.Domain;

namespace ChatReport.Bot.Storage.Domain;

/// <summary>ledger_entries as stored.</summary>
internal sealed record LedgerEntryRow(
    long Id,
    long MemberId,
    long UnitId,
    long CycleId,
    int Quarter,
    LedgerKind Kind,
    int Points,
    long? RuleId,
    long? ClaimId,
    long? TaskId,
    long? ReversesEntryId,
    DateOnly OccurredOn,
    string? Reason,
    long? RecordedBy,
    DateTimeOffset RecordedAt)
{
    public const string Columns =
        "id, member_id, unit_id, cycle_id, quarter, kind, points, rule_id, claim_id, task_id, reverses_entry_id, occurred_on, reason, recorded_by, recorded_at";

    public LedgerEntry ToEntry() => new(
        Id, MemberId, UnitId, CycleId, Quarter, Kind, Points,
        RuleId, ClaimId, TaskId, ReversesEntryId, OccurredOn, Reason, RecordedBy, RecordedAt);
}
