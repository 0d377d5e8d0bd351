namespace ChatReport.Conversation.Domain;

/// <summary>How submitting a claim ended.</summary>
public enum ClaimSubmissionStatus
{
    /// <summary>A new claim was registered.</summary>
    Created,

    /// <summary>The same activity had already submitted a claim; that claim is returned and nothing changed.</summary>
    AlreadySubmitted,

    /// <summary>The member is unknown or deactivated.</summary>
    MemberNotActive,

    /// <summary>The rule is unknown, inactive, or not a bonus rule.</summary>
    RuleNotClaimable,

    /// <summary>No open cycle contains the day of the deed.</summary>
    NoOpenCycle,

    /// <summary>The claim would take the member past the request's cap (other claims came first); nothing was saved. See <see cref="ClaimSubmission.CapRemaining"/>.</summary>
    CapExceeded,
}
