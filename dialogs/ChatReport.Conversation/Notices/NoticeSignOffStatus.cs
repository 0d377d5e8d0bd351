namespace ChatReport.Conversation.Notices;

/// <summary>How a sign-off (签字确认) ended.</summary>
public enum NoticeSignOffStatus
{
    /// <summary>Signed off now: the quarter is locked and the notice goes to the branch's groups.</summary>
    SignedOff = 0,

    /// <summary>It had been signed off before; nothing changed.</summary>
    AlreadySignedOff = 1,

    /// <summary>Only the branch's secretary signs off.</summary>
    NotSecretary = 2,

    /// <summary>The quarter has not ended yet.</summary>
    QuarterNotOver = 3,

    /// <summary>No cycle for that year, or no such branch.</summary>
    NoSuchQuarter = 4,
}
