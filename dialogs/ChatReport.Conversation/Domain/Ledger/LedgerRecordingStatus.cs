namespace ChatReport.Conversation.Domain;

/// <summary>How recording a deduction or reversal ended.</summary>
public enum LedgerRecordingStatus
{
    /// <summary>A new entry was written.</summary>
    Recorded,

    /// <summary>The same request had already been recorded (same activity, or entry already reversed); that entry is returned.</summary>
    AlreadyRecorded,

    /// <summary>The actor is not a reviewer of the member's branch, or is the member.</summary>
    NotAllowed,

    /// <summary>No such member, rule or entry.</summary>
    NotFound,

    /// <summary>No open cycle for the day, or every remaining quarter is signed off.</summary>
    PeriodClosed,
}
