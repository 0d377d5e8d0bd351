namespace ChatReport.Conversation.Domain;

/// <summary>How a code check ended.</summary>
public enum JoinCodeCheckStatus
{
    /// <summary>The code works now.</summary>
    Usable,

    /// <summary>Wrong, revoked, expired or used up: told apart only in the log, so a guesser learns nothing.</summary>
    Invalid,

    /// <summary>Too many wrong codes lately from this account or this channel or tenant; nothing was looked up.</summary>
    TooManyAttempts,
}
