using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace ChatReport.Bot.Authentication;

/// <summary>The checks of one token: signature and lifetime, the app id and endorsement claims, and how failures are described.</summary>
public sealed partial class ChannelAuthenticator
{
    private async Task<SignatureCheck> ValidateSignatureAndLifetimeAsync(
        JsonWebToken token,
        OpenIdMetadataSource keys,
        TokenValidationParameters parameters,
        CancellationToken cancellationToken)
    {
        OpenIdConnectConfiguration configuration;
        JsonWebKey? key;
        try
        {
            configuration = await keys.GetAsync(cancellationToken);
            key = FindKey(configuration, token.Kid);
            if (key is null)
            {
                var refreshed = await keys.RefreshAsync(configuration, cancellationToken);
                if (refreshed is null)
                {
                    return SignatureCheck.Failed($"The signing key '{Truncate(token.Kid)}' is unknown (keys were refreshed less than {OpenIdMetadataSource.MinimumRefreshInterval.TotalMinutes} minutes ago)");
                }

                configuration = refreshed;
                key = FindKey(configuration, token.Kid);
            }
        }
        catch (InvalidOperationException ex)
        {
            // ConfigurationManager wraps every fetch or parse failure in this type.
            _logger.LogWarning(ex, "Could not read the OpenID metadata at {MetadataAddress}", keys.MetadataAddress);
            return SignatureCheck.Failed($"The signing keys at {keys.MetadataAddress} could not be read");
        }

        if (key is null)
        {
            return SignatureCheck.Failed($"The signing key '{Truncate(token.Kid)}' is not in the key set at {keys.MetadataAddress}");
        }

        parameters.IssuerSigningKeys = [configuration.SigningKeys.FirstOrDefault(k => string.Equals(k.KeyId, key.Kid, StringComparison.Ordinal)) ?? key];
        var result = await _handler.ValidateTokenAsync(token, parameters);
        if (!result.IsValid)
        {
            return SignatureCheck.Failed(Describe(result.Exception));
        }

        if (LifetimeFailure(token) is { } lifetimeFailure)
        {
            return SignatureCheck.Failed(lifetimeFailure);
        }

        return new SignatureCheck(key, result.ClaimsIdentity, null);
    }

    // Checked here rather than by IdentityModel so that the clock is the injected TimeProvider.
    private string? LifetimeFailure(JsonWebToken token)
    {
        var now = _time.GetUtcNow();
        if (!token.TryGetPayloadValue<long>(JwtRegisteredClaimNames.Exp, out var exp))
        {
            return "The token has no valid expiry (exp)";
        }

        var expires = DateTimeOffset.FromUnixTimeSeconds(exp);
        if (now > expires + ClockSkew)
        {
            return $"The token expired at {expires:O}";
        }

        if (token.TryGetPayloadValue<object>(JwtRegisteredClaimNames.Nbf, out _))
        {
            if (!token.TryGetPayloadValue<long>(JwtRegisteredClaimNames.Nbf, out var nbf))
            {
                return "The token's not-before time (nbf) is not a number";
            }

            var notBefore = DateTimeOffset.FromUnixTimeSeconds(nbf);
            if (now + ClockSkew < notBefore)
            {
                return $"The token is not valid before {notBefore:O}";
            }
        }

        return null;
    }

    private bool IsSkillToken(JsonWebToken token)
    {
        if (token.TryGetPayloadValue<string>("appid", out var anonymous) && anonymous == BotFrameworkSettings.AnonymousSkillAppId)
        {
            return true;
        }

        if (!token.TryGetPayloadValue<string>("ver", out var version))
        {
            return false;
        }

        var audience = token.Audiences.FirstOrDefault();
        if (string.IsNullOrWhiteSpace(audience)
            || string.Equals(audience, _settings.ChannelTokenIssuer, StringComparison.OrdinalIgnoreCase)
            || string.Equals(audience, _settings.OAuthScope, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return TryGetAppId(token, version, out var appId) && !string.Equals(appId, audience, StringComparison.Ordinal);
    }

    private static bool TryGetAppId(JsonWebToken token, string? version, out string appId)
    {
        var claim = string.IsNullOrWhiteSpace(version) || version == "1.0" ? "appid" : version == "2.0" ? "azp" : null;
        if (claim is not null && token.TryGetPayloadValue<string>(claim, out var value) && !string.IsNullOrWhiteSpace(value))
        {
            appId = value;
            return true;
        }

        appId = string.Empty;
        return false;
    }

    // A single-tenant bot's own tenant also issues Emulator tokens, so the SDK accepts its issuers too.
    private static string[] EmulatorIssuersFor(JsonWebToken token) =>
        token.TryGetPayloadValue<string>("tid", out var tenant) && Guid.TryParse(tenant, out var tenantId)
            ?
            [
                .. KnownEmulatorIssuers,
                $"https://sts.windows.net/{tenantId:D}/",
                $"https://login.microsoftonline.com/{tenantId:D}/v2.0",
                $"https://login.microsoftonline.us/{tenantId:D}/",
                $"https://login.microsoftonline.us/{tenantId:D}/v2.0",
            ]
            : KnownEmulatorIssuers;

    private static JsonWebKey? FindKey(OpenIdConnectConfiguration configuration, string kid) =>
        configuration.JsonWebKeySet?.Keys.FirstOrDefault(k => string.Equals(k.Kid, kid, StringComparison.Ordinal));

    /// <summary>The key's <c>endorsements</c> array from the JWKS, or null when it has none.</summary>
    private static HashSet<string>? Endorsements(JsonWebKey key)
    {
        if (!key.AdditionalData.TryGetValue("endorsements", out var value))
        {
            return null;
        }

        IEnumerable<object?> items = value switch
        {
            System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.Array } array => array.EnumerateArray().Select(e => (object?)(e.ValueKind == System.Text.Json.JsonValueKind.String ? e.GetString() : null)),
            IEnumerable<object?> list => list,
            _ => [],
        };
        return items.OfType<string>().ToHashSet(StringComparer.Ordinal);
    }

    private static TokenValidationParameters CreateParameters() => new()
    {
        ValidateIssuer = true,
        ValidateAudience = true,
        ValidateLifetime = false,
        RequireSignedTokens = true,
        ValidAlgorithms = AllowedAlgorithms,
        TryAllIssuerSigningKeys = false,
    };

    private static bool TryGetBearerToken(string header, out string token)
    {
        var parts = header.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 2 && string.Equals(parts[0], "Bearer", StringComparison.OrdinalIgnoreCase))
        {
            token = parts[1];
            return true;
        }

        token = string.Empty;
        return false;
    }

    private static string Describe(Exception? exception) => exception switch
    {
        SecurityTokenInvalidAudienceException => "The token's audience is not this bot's MicrosoftAppId",
        SecurityTokenInvalidIssuerException => "The token's issuer is not accepted",
        SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException => "The token's signature does not verify",
        SecurityTokenInvalidAlgorithmException => "The token's signing algorithm is not accepted",
        null => "The token is not valid",
        _ => $"The token is not valid ({exception.GetType().Name})",
    };

    // Values from the wire end up in log lines; keep them short.
    private static string Truncate(string? value) => value is null ? "" : value.Length <= 200 ? value : value[..200] + "…";

    private readonly record struct SignatureCheck(JsonWebKey? Key, ClaimsIdentity? Identity, string? Failure)
    {
        public static SignatureCheck Failed(string reason) => new(null, null, reason);
    }
}
