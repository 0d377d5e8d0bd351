using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChatReport.Bot.DirectLine;

/// <summary>
/// Issues and checks tokens: compact JWTs signed with HMAC-SHA256 under a key derived from the
/// secret, written and read by IdentityModel's <see cref="JsonWebTokenHandler"/>. A JWT shape
/// matters to DirectLineJS, which reads the <c>user</c> claim and then refuses to post as anybody
/// else; the server checks everything else itself, so nothing is stored. Expiry is judged on the
/// registered clock here, so that an expired token is told apart from a forged one.
/// </summary>
public sealed class DirectLineTokenService(DirectLineSecret secret, TimeProvider time, IOptions<DirectLineOptions> options)
{
    // No iat/nbf/exp of the handler's own: they would come from the machine's clock, not TimeProvider.
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false, MapInboundClaims = false };

    public TimeSpan Lifetime => TimeSpan.FromSeconds(options.Value.TokenLifetimeSeconds);

    /// <summary>A token for one conversation (and <paramref name="userId"/> in it, if given), valid for <see cref="Lifetime"/>.</summary>
    public async Task<(string Token, DirectLineToken Claims)> IssueAsync(string conversationId, string? userId, string? userName, CancellationToken cancellationToken)
    {
        var claims = new DirectLineToken(conversationId, userId, userName, NewTokenId(), time.GetUtcNow() + Lifetime, DirectLineToken.ConversationAudience);
        return (await SignAsync(claims, cancellationToken), claims);
    }

    /// <summary>
    /// The short-lived <c>t</c> of a streamUrl. It carries the id of the token that asked for it
    /// (or a fresh one for the secret), which is what allows one socket per token.
    /// </summary>
    public Task<string> IssueStreamTicketAsync(string conversationId, DirectLineToken? owner, CancellationToken cancellationToken)
    {
        var expires = time.GetUtcNow() + TimeSpan.FromSeconds(options.Value.StreamUrlLifetimeSeconds);
        var ticket = new DirectLineToken(conversationId, owner?.UserId, owner?.UserName, owner?.TokenId ?? NewTokenId(), expires, DirectLineToken.StreamAudience);
        return SignAsync(ticket, cancellationToken);
    }

    /// <summary>Seconds until <paramref name="token"/> expires, as <c>expires_in</c> reports it.</summary>
    public int SecondsLeft(DirectLineToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return (int)Math.Max(0, Math.Ceiling((token.ExpiresAt - time.GetUtcNow()).TotalSeconds));
    }

    /// <summary>Reads <paramref name="token"/> if it is ours, meant for <paramref name="audience"/>, and not expired.</summary>
    public async Task<(TokenCheck Check, DirectLineToken? Token)> ValidateAsync(string? token, string audience, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token))
        {
            return (TokenCheck.Missing, null);
        }

        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKey = new SymmetricSecurityKey(await secret.GetSigningKeyAsync(cancellationToken)),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ValidAudience = audience,
            ValidateIssuer = false,
            ValidateLifetime = false,
            RequireExpirationTime = false,
        });
        var claims = result.IsValid && result.SecurityToken is JsonWebToken jwt ? ReadClaims(jwt) : null;
        if (claims is null)
        {
            return (TokenCheck.Invalid, null);
        }

        return time.GetUtcNow() >= claims.ExpiresAt ? (TokenCheck.Expired, claims) : (TokenCheck.Valid, claims);
    }

    private async Task<string> SignAsync(DirectLineToken token, CancellationToken cancellationToken)
    {
        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["conv"] = token.ConversationId,
            ["jti"] = token.TokenId,
            ["aud"] = token.Audience,
            ["exp"] = token.ExpiresAt.ToUnixTimeSeconds(),
        };

        // DirectLineJS reads "user" and then posts only as that user; an unbound token has none.
        if (!string.IsNullOrEmpty(token.UserId))
        {
            claims["user"] = token.UserId;
        }

        if (token.UserName is not null)
        {
            claims["name"] = token.UserName;
        }

        var key = new SymmetricSecurityKey(await secret.GetSigningKeyAsync(cancellationToken));
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }

    private static DirectLineToken? ReadClaims(JsonWebToken token) =>
        token.TryGetPayloadValue<string>("conv", out var conversation)
        && token.TryGetPayloadValue<string>("jti", out var id)
        && token.TryGetPayloadValue<long>("exp", out var expires)
        && token.Audiences.FirstOrDefault() is { } audience
            ? new DirectLineToken(
                conversation,
                token.TryGetPayloadValue<string>("user", out var user) ? user : null,
                token.TryGetPayloadValue<string>("name", out var name) ? name : null,
                id,
                DateTimeOffset.FromUnixTimeSeconds(expires),
                audience)
            : null;

    private static string NewTokenId() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
}
