namespace ChatReport.Conversation.Deductions;

/// <summary>The step state of <see cref="DeductDialog"/>.</summary>
/// <param name="Name">The member's name as said.</param>
/// <param name="Points">The points, once known.</param>
/// <param name="Reason">The reason, once known.</param>
/// <param name="RuleId">The deduction rule, when one was picked.</param>
/// <param name="ActorId">The reviewer.</param>
/// <param name="MemberId">The member, once found.</param>
/// <param name="MemberName">The member's name as stored.</param>
/// <param name="RuleIds">The deduction rules offered, in the order listed.</param>
public sealed record DeductionDraft(
    string? Name,
    int? Points,
    string? Reason,
    long? RuleId = null,
    long ActorId = 0,
    long MemberId = 0,
    string? MemberName = null,
    IReadOnlyList<long>? RuleIds = null);
