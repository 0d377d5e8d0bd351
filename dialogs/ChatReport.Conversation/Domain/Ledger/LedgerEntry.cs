namespace ChatReport.Conversation.Domain;

/// <summary>
/// One line of the append-only points ledger (登记建账). Entries are never changed or deleted;
/// a correction is a new entry that refers to the old one.
/// </summary>
/// <param name="Id">The entry's number.</param>
/// <param name="MemberId">Whose points.</param>
/// <param name="UnitId">The branch that booked it.</param>
/// <param name="CycleId">The cycle.</param>
/// <param name="Quarter">The quarter of the cycle it is booked in (later than the deed's when that quarter was already signed off).</param>
/// <param name="Kind">What it records.</param>
/// <param name="Points">Signed points: negative for deductions.</param>
/// <param name="RuleId">The rule, when there is one.</param>
/// <param name="ClaimId">The claim it awards, if any.</param>
/// <param name="TaskId">The service task it awards, if any.</param>
/// <param name="ReversesEntryId">The entry it reverses or corrects, if any.</param>
/// <param name="OccurredOn">The local day of the deed or decision.</param>
/// <param name="Reason">Why, in words (the reviewer's reason for a deduction).</param>
/// <param name="RecordedBy">Who decided it; null for base points and other automatic entries.</param>
/// <param name="RecordedAt">When it was written.</param>
public sealed record LedgerEntry(
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
    DateTimeOffset RecordedAt);
