namespace ChatReport.Bot.Channels.Platform;

/// <summary>
/// One platform access token (WeCom's <c>gettoken</c>, WeChat's <c>stable_token</c>), kept until
/// shortly before it expires. Concurrent callers share one fetch, because the platforms rate-limit
/// token requests and may invalidate the previous token on every new one.
/// </summary>
public sealed class AccessTokenCache(Func<CancellationToken, Task<(string Token, TimeSpan Lifetime)>> fetch, TimeProvider time) : IDisposable
{
    /// <summary>How long before its stated expiry a token is no longer handed out.</summary>
    public static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;
    private DateTimeOffset _renewAt;

    /// <summary>A token that is not known to be stale; fetched when there is none.</summary>
    public async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        if (Current() is { } token)
        {
            return token;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (Current() is { } fetched)
            {
                return fetched;
            }

            var (value, lifetime) = await fetch(cancellationToken);
            var usable = lifetime > RenewBefore * 2 ? lifetime - RenewBefore : lifetime / 2;
            _token = value;
            _renewAt = time.GetUtcNow() + usable;
            return value;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Forgets <paramref name="stale"/> after the platform refused it. A token another caller has
    /// already replaced is left alone, so one expiry costs one fetch however many calls saw it.
    /// </summary>
    public async Task InvalidateAsync(string stale, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (string.Equals(_token, stale, StringComparison.Ordinal))
            {
                _token = null;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private string? Current() => _token is { } token && time.GetUtcNow() < _renewAt ? token : null;
}
