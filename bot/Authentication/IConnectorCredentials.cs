namespace ChatReport.Bot.Authentication;

/// <summary>The bot's own token for calling a Connector service.</summary>
public interface IConnectorCredentials
{
    /// <summary>A bearer token, or null when authentication is off (then no header is sent at all).</summary>
    Task<string?> GetAccessTokenAsync(CancellationToken cancellationToken);
}
