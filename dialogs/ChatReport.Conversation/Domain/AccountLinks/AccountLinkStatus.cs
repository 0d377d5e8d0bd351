namespace ChatReport.Conversation.Domain;

/// <summary>How linking a further channel account to a member ended.</summary>
public enum AccountLinkStatus
{
    /// <summary>The account now belongs to the member.</summary>
    Linked,

    /// <summary>It already belonged to this member; nothing changed.</summary>
    AlreadyLinked,

    /// <summary>It belongs to another member; nothing changed.</summary>
    LinkedToAnotherMember,

    /// <summary>No such member.</summary>
    MemberNotFound,
}
