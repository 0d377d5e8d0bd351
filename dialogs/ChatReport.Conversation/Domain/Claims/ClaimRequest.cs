namespace ChatReport.Conversation.Domain;

/// <summary>
/// A claim to register. The conversation layer has already applied the policy (no future
/// dates, caps, same-day warnings); the store checks what keeps the data whole, and the cap
/// again when one is given, because two reports racing could together exceed it.
/// </summary>
/// <param name="MemberId">Who claims.</param>
/// <param name="RuleId">The bonus rule claimed under.</param>
/// <param name="OccurredAt">When the deed happened.</param>
/// <param name="OccurredOn">The local day it happened on, in the branch's time zone.</param>
/// <param name="Place">Where, if said.</param>
/// <param name="Description">What happened (required).</param>
/// <param name="ClaimedPoints">The points asked for, 0–1000.</param>
/// <param name="MemberNote">The member's note, if any.</param>
/// <param name="Source">The activity that submitted it: a redelivery of it returns the same claim.</param>
/// <param name="Attachments">Evidence to keep with it.</param>
/// <param name="Cap">The rule's cap to re-check at the moment of insert, or null for none.</param>
/// <param name="DayPart">The part of the day the member said instead of a time (下午), or null.</param>
/// <param name="TimeKnown">False when the member said no time of day: only the day (and <paramref name="DayPart"/>) of <paramref name="OccurredAt"/> is meant.</param>
/// <param name="LearnWords">The sentence's content words, to learn for the branch and this rule (the member picked it after being asked); null to learn nothing.</param>
public sealed record ClaimRequest(
    long MemberId,
    long RuleId,
    DateTimeOffset OccurredAt,
    DateOnly OccurredOn,
    string? Place,
    string Description,
    int ClaimedPoints,
    string? MemberNote,
    ActivityKey Source,
    IReadOnlyList<NewClaimAttachment> Attachments,
    ClaimCap? Cap = null,
    DayPart? DayPart = null,
    bool TimeKnown = true,
    IReadOnlyList<string>? LearnWords = null);
