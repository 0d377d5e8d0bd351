using ChatReport.Dialogs.Schema;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChatReport.Bot.Authentication;

/// <summary>
/// Checks the <c>Authorization</c> header of a request to <c>/api/messages</c> the way the Bot
/// Framework SDK does (botframework-protocol.md §4.1): channel tokens against the channel's
/// OpenID keys with issuer, audience, lifetime, endorsements and the <c>serviceurl</c> claim;
/// Emulator tokens against the AAD keys with the app id from <c>appid</c>/<c>azp</c>; skill
/// tokens refused. Every failure is a refused outcome with a reason for the log, never an
/// exception, and no reason ever contains the token.
/// </summary>
public sealed partial class ChannelAuthenticator : IChannelAuthenticator, IDisposable
{
    public const string HttpClientName = "ChatReport.Authentication.OpenIdMetadata";

    // Bot Framework tokens are about 1-2 KB; parsing megabytes of base64 is only a way to burn CPU.
    private const int MaximumTokenLength = 16 * 1024;

    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private static readonly string[] AllowedAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    // AAD tenants the Emulator's (and a bot's own) tokens come from; the SDK hard-codes the same table.
    private static readonly string[] KnownEmulatorIssuers =
    [
        "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/",
        "https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0",
        "https://sts.windows.net/f8cdef31-a31e-4b4a-93e4-5f571e91255a/",
        "https://login.microsoftonline.com/f8cdef31-a31e-4b4a-93e4-5f571e91255a/v2.0",
        "https://sts.windows.net/cab8a31a-1906-4287-a0d8-4eef66b95f6e/",
        "https://login.microsoftonline.us/cab8a31a-1906-4287-a0d8-4eef66b95f6e/v2.0",
        "https://login.microsoftonline.us/f8cdef31-a31e-4b4a-93e4-5f571e91255a/",
        "https://login.microsoftonline.us/f8cdef31-a31e-4b4a-93e4-5f571e91255a/v2.0",
    ];

    private readonly BotFrameworkSettings _settings;
    private readonly TimeProvider _time;
    private readonly ILogger<ChannelAuthenticator> _logger;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly OpenIdMetadataSource _channelKeys;
    private readonly OpenIdMetadataSource _emulatorKeys;

    public ChannelAuthenticator(
        BotFrameworkSettings settings,
        IHttpClientFactory httpClientFactory,
        TimeProvider time,
        ILogger<ChannelAuthenticator> logger)
    {
        _settings = settings;
        _time = time;
        _logger = logger;
        var retriever = new LoopbackAwareDocumentRetriever(httpClientFactory, HttpClientName);
        _channelKeys = new OpenIdMetadataSource(_settings.ChannelOpenIdMetadataUrl, retriever, time);
        _emulatorKeys = new OpenIdMetadataSource(_settings.EmulatorOpenIdMetadataUrl, retriever, time);
    }

    public async Task<AuthenticationOutcome> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        try
        {
            return await AuthenticateCoreAsync(authorizationHeader, activity, cancellationToken);
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            // Whatever a hostile token manages to trip over inside IdentityModel must be a 401, not a 500.
            _logger.LogError(ex, "Token validation failed unexpectedly");
            return AuthenticationOutcome.Refused($"Token validation failed unexpectedly ({ex.GetType().Name})");
        }
    }

    private async Task<AuthenticationOutcome> AuthenticateCoreAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(authorizationHeader))
        {
            return _settings.IsAuthenticationEnabled ? Refused("No Authorization header") : AuthenticationOutcome.Anonymous;
        }

        if (!_settings.IsAuthenticationEnabled)
        {
            // Like .NET, not like JS (which ignores the header): a channel sending real tokens to a
            // bot whose MicrosoftAppId went missing should fail loudly, not run unauthenticated.
            return Refused("An Authorization header was sent but authentication is off (MicrosoftAppId is empty)");
        }

        if (!TryGetBearerToken(authorizationHeader, out var rawToken))
        {
            return Refused("The Authorization header is not 'Bearer <token>'");
        }

        if (rawToken.Length > MaximumTokenLength)
        {
            return Refused($"The bearer token is longer than {MaximumTokenLength} characters");
        }

        JsonWebToken token;
        try
        {
            token = new JsonWebToken(rawToken);
        }
        catch (ArgumentException)
        {
            return Refused("The bearer token is not a well-formed JWT");
        }

        if (token.IsEncrypted)
        {
            return Refused("Encrypted tokens are not accepted");
        }

        if (!AllowedAlgorithms.Contains(token.Alg, StringComparer.Ordinal))
        {
            return Refused($"Tokens signed with '{Truncate(token.Alg)}' are not accepted (RS256, RS384 or RS512 only)");
        }

        if (string.IsNullOrEmpty(token.Kid))
        {
            return Refused("The token names no signing key (kid)");
        }

        if (IsSkillToken(token))
        {
            return Refused("Skill (bot-to-bot) tokens are not accepted: this bot has no skill claims validator");
        }

        var emulatorIssuers = EmulatorIssuersFor(token);
        return emulatorIssuers.Contains(token.Issuer, StringComparer.Ordinal)
            ? await AuthenticateEmulatorTokenAsync(token, emulatorIssuers, cancellationToken)
            : await AuthenticateChannelTokenAsync(token, activity, cancellationToken);
    }

    private async Task<AuthenticationOutcome> AuthenticateChannelTokenAsync(JsonWebToken token, Activity activity, CancellationToken cancellationToken)
    {
        var parameters = CreateParameters();
        parameters.ValidIssuer = _settings.ChannelTokenIssuer;
        parameters.ValidAudience = _settings.AppId;

        var check = await ValidateSignatureAndLifetimeAsync(token, _channelKeys, parameters, cancellationToken);
        if (check.Failure is not null)
        {
            return Refused(check.Failure);
        }

        if (!string.Equals(token.Issuer, _settings.ChannelTokenIssuer, StringComparison.Ordinal))
        {
            return Refused("The token's issuer is not the channel's token issuer");
        }

        // A channel key without endorsements vouches for no channel at all: current .NET refuses it too.
        if (Endorsements(check.Key!) is not { } endorsements)
        {
            return Refused($"The signing key '{Truncate(token.Kid)}' carries no endorsements");
        }

        if (!string.IsNullOrEmpty(activity.ChannelId) && !endorsements.Contains(activity.ChannelId))
        {
            return Refused($"The signing key is not endorsed for channel '{Truncate(activity.ChannelId)}'");
        }

        if (_settings.RequiredEndorsements.FirstOrDefault(required => !endorsements.Contains(required)) is { } missing)
        {
            return Refused($"The signing key lacks the required endorsement '{missing}'");
        }

        if (!token.TryGetPayloadValue<string>("serviceurl", out var claimedServiceUrl) || string.IsNullOrWhiteSpace(claimedServiceUrl))
        {
            return Refused("The token has no serviceurl claim");
        }

        if (!string.Equals(claimedServiceUrl, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return Refused($"The token's serviceurl claim '{Truncate(claimedServiceUrl)}' is not the activity's serviceUrl '{Truncate(activity.ServiceUrl)}'");
        }

        return new AuthenticationOutcome(true, check.Identity, _settings.CallerId, ServiceUrlVerified: true, null);
    }

    private async Task<AuthenticationOutcome> AuthenticateEmulatorTokenAsync(JsonWebToken token, string[] issuers, CancellationToken cancellationToken)
    {
        var parameters = CreateParameters();
        parameters.ValidIssuers = issuers;

        // The audience is the bot itself or the Connector, depending on who asked for the token;
        // the SDK checks the app id the token was issued to instead.
        parameters.ValidateAudience = false;

        var check = await ValidateSignatureAndLifetimeAsync(token, _emulatorKeys, parameters, cancellationToken);
        if (check.Failure is not null)
        {
            return Refused(check.Failure);
        }

        if (!token.TryGetPayloadValue<string>("ver", out var version))
        {
            return Refused("Emulator tokens must carry a 'ver' claim");
        }

        if (!TryGetAppId(token, version, out var appId))
        {
            return Refused(string.IsNullOrWhiteSpace(version) || version == "1.0"
                ? "Emulator tokens of version 1.0 must carry an 'appid' claim"
                : version == "2.0" ? "Emulator tokens of version 2.0 must carry an 'azp' claim" : $"Unknown Emulator token version '{Truncate(version)}'");
        }

        if (!string.Equals(appId, _settings.AppId, StringComparison.Ordinal))
        {
            return Refused($"The token was issued to app '{Truncate(appId)}', not to this bot");
        }

        return new AuthenticationOutcome(true, check.Identity, _settings.CallerId, ServiceUrlVerified: false, null);
    }

    public void Dispose()
    {
        _channelKeys.Dispose();
        _emulatorKeys.Dispose();
    }

    private AuthenticationOutcome Refused(string reason)
    {
        _logger.LogDebug("Request refused: {Reason}", reason);
        return AuthenticationOutcome.Refused(reason);
    }
}
