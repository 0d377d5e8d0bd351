namespace ChatReport.Conversation.Commands;

/// <summary>Whose help menu lists a command.</summary>
public enum CommandAudience
{
    /// <summary>Everyone, including people who have not joined yet.</summary>
    Everyone = 0,

    /// <summary>Members of a branch.</summary>
    Members = 1,

    /// <summary>Secretaries and the committee members allowed to review.</summary>
    Reviewers = 2,

    /// <summary>Administrators of a unit.</summary>
    Administrators = 3,
}
