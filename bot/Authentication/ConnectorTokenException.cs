using System.Net;

namespace ChatReport.Bot.Authentication;

/// <summary>
/// The bot could not get its own token for the Connector. The message names the endpoint, the
/// HTTP status and the identity provider's error code, never a secret.
/// </summary>
public sealed class ConnectorTokenException : Exception
{
    public ConnectorTokenException()
    {
    }

    public ConnectorTokenException(string message)
        : base(message)
    {
    }

    public ConnectorTokenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ConnectorTokenException(string message, HttpStatusCode? statusCode, string? error, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Error = error;
    }

    /// <summary>The token endpoint's answer, or null when it could not be reached or understood.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The OAuth <c>error</c> code (e.g. <c>invalid_client</c>) when the endpoint sent one.</summary>
    public string? Error { get; }
}
