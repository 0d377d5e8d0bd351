using ChatReport.Conversation.Domain;

namespace ChatReport.Conversation.Claims;

/// <summary>A report being put together: the report waterfall's state. Null means "still to ask".</summary>
public sealed record ReportDraft
{
    /// <summary>A sentence not parsed yet.</summary>
    public string? Sentence { get; init; }

    /// <summary>When the deed happened, in the user's zone.</summary>
    public DateTimeOffset? OccurredAt { get; init; }

    /// <summary>The local day of the deed.</summary>
    public DateOnly? OccurredOn { get; init; }

    /// <summary>The part of the day the member said instead of a time (下午), or null.</summary>
    public DayPart? DayPart { get; init; }

    /// <summary>True when the member said a time of day; otherwise only the day (and part) of <see cref="OccurredAt"/> is meant.</summary>
    public bool TimeKnown { get; init; }

    /// <summary>The first day of the span the member named instead of a day (上个月), while the day is asked for.</summary>
    public DateOnly? SpanFirst { get; init; }

    /// <summary>The last day of that span.</summary>
    public DateOnly? SpanLast { get; init; }

    /// <summary>The days offered as buttons for that span, latest first.</summary>
    public IReadOnlyList<DateOnly> OfferedDays { get; init; } = [];

    /// <summary>Where.</summary>
    public string? Place { get; init; }

    /// <summary>True once the member was asked where (and may have skipped it).</summary>
    public bool PlaceAsked { get; init; }

    /// <summary>What the member did.</summary>
    public string? What { get; init; }

    /// <summary>The rule once chosen.</summary>
    public long? RuleId { get; init; }

    /// <summary>The rules the sentence named when it named several.</summary>
    public IReadOnlyList<long> RuleCandidates { get; init; } = [];

    /// <summary>True when the member picked the rule after being asked: the sentence's words are learned for it.</summary>
    public bool RuleAsked { get; init; }

    /// <summary>True when the member asked to see every rule instead of the few offered.</summary>
    public bool ShowAllRules { get; init; }

    /// <summary>The content words of what the member said, for learning.</summary>
    public IReadOnlyList<string> ContentWords { get; init; } = [];

    /// <summary>True after the member changed what they did: the new words may name another rule.</summary>
    public bool RedetectRule { get; init; }

    /// <summary>The points claimed.</summary>
    public int? Points { get; init; }

    /// <summary>True when the member asked to change the points and must be asked for them.</summary>
    public bool AskPoints { get; init; }

    /// <summary>What the rule's cap still allows, while the member is asked to accept it.</summary>
    public int? CapRemaining { get; init; }

    /// <summary>Photos attached as evidence.</summary>
    public IReadOnlyList<NewClaimAttachment> Photos { get; init; } = [];

    /// <summary>True once the member was asked for a photo.</summary>
    public bool PhotoAsked { get; init; }

    /// <summary>True once the member chose to report a second claim of the same rule on the same day.</summary>
    public bool DuplicateAcknowledged { get; init; }

    /// <summary>The member's note to the reviewer.</summary>
    public string? MemberNote { get; init; }
}
