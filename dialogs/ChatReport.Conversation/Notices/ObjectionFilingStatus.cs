namespace ChatReport.Conversation.Notices;

/// <summary>How filing an objection ended.</summary>
public enum ObjectionFilingStatus
{
    /// <summary>Filed; the reviewers are told.</summary>
    Filed,

    /// <summary>The same message had filed it already.</summary>
    AlreadyFiled,

    /// <summary>The branch has no notice in its objection period.</summary>
    NoOpenNotice,

    /// <summary>No member of the branch by that name (or several).</summary>
    NoSuchMember,

    /// <summary>No item with that number on the notice.</summary>
    NoSuchItem,
}
