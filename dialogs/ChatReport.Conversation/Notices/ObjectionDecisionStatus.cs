namespace ChatReport.Conversation.Notices;

/// <summary>How resolving an objection ended.</summary>
public enum ObjectionDecisionStatus
{
    /// <summary>Resolved now.</summary>
    Done,

    /// <summary>Someone had resolved it already; the objection says how.</summary>
    AlreadyResolved,

    /// <summary>No such objection.</summary>
    NotFound,

    /// <summary>Not a reviewer of its branch, or the member it concerns.</summary>
    NotAllowed,

    /// <summary>Upholding an objection to a member's line needs the points of the correction.</summary>
    NeedsPoints,
}
