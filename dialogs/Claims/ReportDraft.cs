using ChatReport.Dialogs.Domain;

namespace ChatReport.Dialogs.Claims;

/// <summary>A report being put together: the report waterfall's state. Null means "still to ask".</summary>
public sealed record ReportDraft
{
    /// <summary>A sentence not parsed yet.</summary>
    public string? Sentence { get; init; }

    /// <summary>When the deed happened, in the user's zone.</summary>
    public DateTimeOffset? OccurredAt { get; init; }

    /// <summary>The local day of the deed.</summary>
    public DateOnly? OccurredOn { get; init; }

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
