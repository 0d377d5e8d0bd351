namespace ChatReport.Conversation.Domain;

/// <summary>How a join request ended.</summary>
public enum JoinStatus
{
    /// <summary>The account now belongs to a member of the code's unit.</summary>
    Joined,

    /// <summary>The account already belonged to a member (a repeated or redelivered join); nothing changed.</summary>
    AlreadyMember,

    /// <summary>Wrong, revoked, expired or used up (or its unit closed): one answer for all, so a guesser learns nothing.</summary>
    UnknownCode,

    /// <summary>Too many wrong codes lately from this account or this channel or tenant.</summary>
    TooManyAttempts,

    /// <summary>
    /// The name is that of a roster entry holding a role above member (secretary, committee,
    /// administrator): only the personal code issued for that person claims it.
    /// </summary>
    NeedsPersonalCode,
}
