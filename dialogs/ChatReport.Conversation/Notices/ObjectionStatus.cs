namespace ChatReport.Conversation.Notices;

/// <summary>Where an objection to a published notice stands.</summary>
public enum ObjectionStatus
{
    /// <summary>Waiting for a reviewer.</summary>
    Open,

    /// <summary>Found right: a correcting ledger entry was booked.</summary>
    Upheld,

    /// <summary>Found wrong, with a reason the objector was told.</summary>
    Dismissed,
}
