using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace ChatReport.Bot.Authentication;

/// <summary>
/// The OpenID configuration (and signing keys) of one issuer. IdentityModel's ConfigurationManager
/// caches it and refreshes it automatically; when a token names a key we do not have, the keys
/// have probably rotated, so <see cref="RefreshAsync"/> fetches them again at once, at most once
/// per <see cref="MinimumRefreshInterval"/> so that forged kids cannot make us hammer the issuer.
/// </summary>
internal sealed class OpenIdMetadataSource(Uri metadataAddress, IDocumentRetriever documentRetriever, TimeProvider time) : IDisposable
{
    public static readonly TimeSpan MinimumRefreshInterval = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _refreshGate = new(1, 1);
    private volatile ConfigurationManager<OpenIdConnectConfiguration> _manager = CreateManager(metadataAddress, documentRetriever);
    private DateTimeOffset _lastForcedRefresh = DateTimeOffset.MinValue;

    public Uri MetadataAddress => metadataAddress;

    public Task<OpenIdConnectConfiguration> GetAsync(CancellationToken cancellationToken) => _manager.GetConfigurationAsync(cancellationToken);

    /// <summary>
    /// A configuration fetched after <paramref name="stale"/> was, or null when the rate limit
    /// forbids fetching again so soon. Concurrent callers share one fetch.
    /// </summary>
    public async Task<OpenIdConnectConfiguration?> RefreshAsync(OpenIdConnectConfiguration stale, CancellationToken cancellationToken)
    {
        await _refreshGate.WaitAsync(cancellationToken);
        try
        {
            var current = await _manager.GetConfigurationAsync(cancellationToken);
            if (!ReferenceEquals(current, stale))
            {
                return current;
            }

            var now = time.GetUtcNow();
            if (now - _lastForcedRefresh < MinimumRefreshInterval)
            {
                return null;
            }

            _lastForcedRefresh = now;

            // RequestRefresh on the existing manager would refresh in the background and hand this
            // request the old keys; a new manager's first fetch is awaited. The old one keeps
            // serving if the fetch fails.
            var fresh = CreateManager(metadataAddress, documentRetriever);
            var configuration = await fresh.GetConfigurationAsync(cancellationToken);
            _manager = fresh;
            return configuration;
        }
        finally
        {
            _refreshGate.Release();
        }
    }

    public void Dispose() => _refreshGate.Dispose();

    // The default automatic refresh (12 hours) already meets the Bot Framework's "at least daily".
    private static ConfigurationManager<OpenIdConnectConfiguration> CreateManager(Uri address, IDocumentRetriever retriever) =>
        new(address.AbsoluteUri, new OpenIdConnectConfigurationRetriever(), retriever);
}
