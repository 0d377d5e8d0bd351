namespace ChatReport.Conversation.Domain;

/// <summary>A reviewer recording a violation deduction (扣分).</summary>
/// <param name="MemberId">The member who loses points.</param>
/// <param name="Points">How many points, as a positive number (1–1000).</param>
/// <param name="Reason">Why (required): the residents' feedback or the rule broken.</param>
/// <param name="RecordedBy">The reviewer (of the member's branch; never the member).</param>
/// <param name="OccurredOn">The local day of the violation; it must fall in an open cycle.</param>
/// <param name="RuleId">The deduction rule, or null for free text.</param>
/// <param name="Source">The activity that asked for it: a redelivery of it records nothing more.</param>
public sealed record DeductionRequest(
    long MemberId,
    int Points,
    string Reason,
    long RecordedBy,
    DateOnly OccurredOn,
    long? RuleId = null,
    ActivityKey? Source = null);
