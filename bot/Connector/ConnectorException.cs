namespace ChatReport.Bot.Connector;

/// <summary>
/// A Connector call failed for good: a status that is not worth retrying, or retries ran out.
/// <see cref="StatusCode"/> is null when no answer came back at all.
/// </summary>
public sealed class ConnectorException : Exception
{
    public ConnectorException(
        string operation,
        int? statusCode,
        string? errorCode,
        string message,
        string? conversationId,
        string? activityId,
        Exception? innerException = null)
        : base(message, innerException)
    {
        Operation = operation;
        StatusCode = statusCode;
        ErrorCode = errorCode;
        ConversationId = conversationId;
        ActivityId = activityId;
    }

    public string Operation { get; }

    public int? StatusCode { get; }

    /// <summary>The channel's own code (<c>error.code</c>, Teams' <c>errorCode</c> or sub-code), when it gave one.</summary>
    public string? ErrorCode { get; }

    public string? ConversationId { get; }

    public string? ActivityId { get; }
}
