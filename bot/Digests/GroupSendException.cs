namespace ChatReport.Bot.Digests;

/// <summary>A send through <see cref="IGroupMessenger"/> that failed; permanent failures are not retried.</summary>
public sealed class GroupSendException : Exception
{
    public GroupSendException()
    {
    }

    public GroupSendException(string message)
        : base(message)
    {
    }

    public GroupSendException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public GroupSendException(string message, bool isPermanent, Exception? innerException = null)
        : base(message, innerException)
    {
        IsPermanent = isPermanent;
    }

    /// <summary>True when sending the same activity again cannot succeed (bot removed, conversation gone).</summary>
    public bool IsPermanent { get; }
}
