namespace ChatReport.Conversation.Domain;

/// <summary>How completing or cancelling a task ended.</summary>
public enum TaskClosingStatus
{
    /// <summary>Done.</summary>
    Closed,

    /// <summary>It had been completed or cancelled already; nothing changed.</summary>
    AlreadyClosed,

    /// <summary>No such task.</summary>
    NotFound,

    /// <summary>The actor is not a reviewer of the task's branch, or a participant is not an active member of it.</summary>
    NotAllowed,

    /// <summary>No open cycle contains the task's day, or every remaining quarter is signed off.</summary>
    PeriodClosed,
}
