using ChatReport.Bot.Authentication;

namespace ChatReport.Bot.Tests.Support;

/// <summary>Test double for the authentication feature's outbound token.</summary>
public sealed class StaticConnectorCredentials(string? token) : IConnectorCredentials
{
    public Task<string?> GetAccessTokenAsync(CancellationToken cancellationToken) => Task.FromResult(token);
}
