using System.Security.Cryptography;
using System.Text;
using ChatReport.Bot.Authentication;
using ChatReport.Bot.Storage.Connections;
using ChatReport.Bot.Storage.Migrations;
using Microsoft.Extensions.Options;

namespace ChatReport.Bot.DirectLine;

/// <summary>
/// The Direct Line secret: configured, or generated once and kept in <c>settings</c> so that a
/// restart does not lock out the clients that know it. The browser page never sees it.
/// </summary>
public sealed class DirectLineSecret(
    SettingsStore settings,
    IOptions<DirectLineOptions> options,
    BotFrameworkSettings botFramework,
    ILogger<DirectLineSecret> logger)
    : IDatabaseInitializer, IDisposable
{
    public const string SettingKey = "directline.secret";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private Keys? _keys;

    /// <summary>Generates the secret at start (not at the first request) when the channel is on.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (options.Value.IsEnabled(botFramework))
        {
            await GetKeysAsync(cancellationToken);
        }
    }

    /// <summary>True when <paramref name="candidate"/> is the secret (compared in constant time).</summary>
    public async Task<bool> MatchesAsync(string candidate, CancellationToken cancellationToken)
    {
        var keys = await GetKeysAsync(cancellationToken);
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), keys.Secret);
    }

    /// <summary>The key tokens are signed with, derived from the secret so a new secret voids every token.</summary>
    public async Task<byte[]> GetSigningKeyAsync(CancellationToken cancellationToken) => (await GetKeysAsync(cancellationToken)).SigningKey;

    public void Dispose() => _gate.Dispose();

    private async Task<Keys> GetKeysAsync(CancellationToken cancellationToken)
    {
        if (_keys is { } ready)
        {
            return ready;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_keys is null)
            {
                var secret = options.Value.Secret;
                if (string.IsNullOrEmpty(secret))
                {
                    secret = await LoadOrGenerateAsync(cancellationToken);
                }

                var secretBytes = Encoding.UTF8.GetBytes(secret);
                _keys = new Keys(secretBytes, HMACSHA256.HashData(secretBytes, "ChatReport.DirectLine.TokenSigning.v1"u8));
            }

            return _keys;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<string> LoadOrGenerateAsync(CancellationToken cancellationToken)
    {
        if (await settings.GetAsync(SettingKey, cancellationToken) is { } stored)
        {
            return stored;
        }

        // Two instances starting together agree on whichever secret was stored first.
        var secret = await settings.GetOrAddAsync(SettingKey, Base64Url(RandomNumberGenerator.GetBytes(32)), cancellationToken);
        logger.LogInformation("Generated a Direct Line secret and stored it in the settings table under {Key}", SettingKey);
        return secret;
    }

    private static string Base64Url(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);

    private sealed record Keys(byte[] Secret, byte[] SigningKey);
}
