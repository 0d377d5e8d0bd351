namespace ChatReport.Conversation.Domain;

/// <summary>A member's report of a good deed (个人申报) and what became of it.</summary>
/// <param name="Id">The claim number the member is told.</param>
/// <param name="MemberId">Who claims.</param>
/// <param name="UnitId">The branch that reviews it (the member's branch when it was made).</param>
/// <param name="RuleId">The rule claimed under.</param>
/// <param name="RuleVersion">The rule's version when the claim was made.</param>
/// <param name="CycleId">The cycle the deed falls in.</param>
/// <param name="OccurredAt">When the deed happened.</param>
/// <param name="OccurredOn">The local day it happened on, in the branch's time zone.</param>
/// <param name="Place">Where, if said.</param>
/// <param name="Description">What happened, in the member's words.</param>
/// <param name="ClaimedPoints">The points asked for.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="AwardedPoints">The points awarded once approved (differs from the claim when adjusted).</param>
/// <param name="DecidedBy">Who approved or rejected it (the member, for a withdrawal).</param>
/// <param name="DecidedAt">When.</param>
/// <param name="DecisionNote">The reviewer's reason, when rejected or adjusted.</param>
/// <param name="MemberNote">The member's note (for example why a second claim on the same day is right).</param>
/// <param name="Source">The activity that submitted it.</param>
/// <param name="CreatedAt">When it was registered.</param>
/// <param name="Attachments">Its evidence, oldest first.</param>
/// <param name="DayPart">The part of the day the member said instead of a time, or null.</param>
/// <param name="TimeKnown">False when only the day (and <paramref name="DayPart"/>) of <paramref name="OccurredAt"/> is meant.</param>
public sealed record Claim(
    long Id,
    long MemberId,
    long UnitId,
    long RuleId,
    int RuleVersion,
    long CycleId,
    DateTimeOffset OccurredAt,
    DateOnly OccurredOn,
    string? Place,
    string Description,
    int ClaimedPoints,
    ClaimStatus Status,
    int? AwardedPoints,
    long? DecidedBy,
    DateTimeOffset? DecidedAt,
    string? DecisionNote,
    string? MemberNote,
    ActivityKey Source,
    DateTimeOffset CreatedAt,
    IReadOnlyList<ClaimAttachment> Attachments,
    DayPart? DayPart = null,
    bool TimeKnown = true);
