namespace ChatReport.Conversation.Domain;

/// <summary>What a reviewer decides about a pending claim.</summary>
public enum ReviewAction
{
    /// <summary>Approve with the claimed points (通过).</summary>
    Approve,

    /// <summary>Reject, with a reason (驳回).</summary>
    Reject,

    /// <summary>Approve with other points, with a reason (改分).</summary>
    Adjust,
}
