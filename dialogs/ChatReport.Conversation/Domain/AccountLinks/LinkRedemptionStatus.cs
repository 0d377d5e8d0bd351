namespace ChatReport.Conversation.Domain;

/// <summary>How redeeming a link code ended.</summary>
public enum LinkRedemptionStatus
{
    /// <summary>The account now belongs to the member who issued the code; the code is used up.</summary>
    Linked,

    /// <summary>The account already belonged to a member; nothing changed and the code still works.</summary>
    AlreadyMember,

    /// <summary>No live code matches (wrong, expired or used); the attempt was counted.</summary>
    WrongCode,

    /// <summary>Too many wrong codes from this account lately; nothing was checked.</summary>
    TooManyAttempts,
}
