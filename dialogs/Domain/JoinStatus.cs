namespace ChatReport.Dialogs.Domain;

/// <summary>How a join request ended.</summary>
public enum JoinStatus
{
    /// <summary>The account now belongs to a member of the code's unit.</summary>
    Joined,

    /// <summary>The account already belonged to a member (a repeated or redelivered join); nothing changed.</summary>
    AlreadyMember,

    /// <summary>No such code.</summary>
    UnknownCode,

    /// <summary>The code has expired.</summary>
    Expired,

    /// <summary>The code was revoked, or its unit closed.</summary>
    Revoked,

    /// <summary>The code has been used as many times as it allows.</summary>
    UsedUp,
}
