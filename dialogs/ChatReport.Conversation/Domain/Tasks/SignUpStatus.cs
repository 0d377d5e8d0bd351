namespace ChatReport.Conversation.Domain;

/// <summary>How signing up for a task ended.</summary>
public enum SignUpStatus
{
    /// <summary>Signed up.</summary>
    SignedUp,

    /// <summary>Was already signed up; nothing changed.</summary>
    AlreadySignedUp,

    /// <summary>All places are taken.</summary>
    Full,

    /// <summary>The task is completed or cancelled.</summary>
    NotOpen,

    /// <summary>No such task, or it belongs to another branch than the member's.</summary>
    NotFound,
}
