namespace ChatReport.Conversation.Domain;

/// <summary>Where a claim stands.</summary>
public enum ClaimStatus
{
    /// <summary>Registered (登记建账), waiting for a reviewer.</summary>
    Pending,

    /// <summary>Approved, possibly with changed points; the ledger holds the award.</summary>
    Approved,

    /// <summary>Rejected with a reason.</summary>
    Rejected,

    /// <summary>Withdrawn by the member before anyone decided.</summary>
    Withdrawn,
}
