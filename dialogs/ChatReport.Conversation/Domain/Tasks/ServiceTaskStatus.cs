namespace ChatReport.Conversation.Domain;

/// <summary>Where a service task stands.</summary>
public enum ServiceTaskStatus
{
    /// <summary>Members may sign up.</summary>
    Open,

    /// <summary>Done; participants were awarded.</summary>
    Completed,

    /// <summary>Called off.</summary>
    Cancelled,
}
