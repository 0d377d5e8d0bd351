using ChatReport.Bot.Authentication;

namespace ChatReport.Bot.Messaging.Fallbacks;

/// <summary>Used only when no real credentials are registered: outbound calls carry no token.</summary>
public sealed class NoConnectorCredentials : IConnectorCredentials
{
    public Task<string?> GetAccessTokenAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}
