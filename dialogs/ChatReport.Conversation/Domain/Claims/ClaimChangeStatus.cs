namespace ChatReport.Conversation.Domain;

/// <summary>How a decision on, or withdrawal of, a claim ended.</summary>
public enum ClaimChangeStatus
{
    /// <summary>The change was made.</summary>
    Done,

    /// <summary>No such claim (or, for a withdrawal, not the member's own).</summary>
    NotFound,

    /// <summary>The actor may not do this (not a reviewer of the branch, or their own claim).</summary>
    NotAllowed,

    /// <summary>Someone decided or withdrew it first; <see cref="ClaimChange.DecidedBy"/> says who.</summary>
    NoLongerPending,

    /// <summary>The claim's cycle is closed, or every quarter left in it is signed off.</summary>
    PeriodClosed,
}
