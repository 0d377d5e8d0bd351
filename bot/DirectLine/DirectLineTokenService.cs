using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace ChatReport.Bot.DirectLine;

/// <summary>
/// Issues and checks tokens: compact JWTs signed with HMAC-SHA256 under a key derived from the
/// secret. A JWT shape matters to DirectLineJS, which reads the <c>user</c> claim and then refuses
/// to post as anybody else; the server checks everything else itself, so nothing is stored.
/// </summary>
public sealed class DirectLineTokenService(DirectLineSecret secret, TimeProvider time, IOptions<DirectLineOptions> options)
{
    private static readonly string Header = Base64Url.EncodeToString("""{"alg":"HS256","typ":"JWT"}"""u8);

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

        var parts = token.Split('.');
        if (parts.Length != 3 || !string.Equals(parts[0], Header, StringComparison.Ordinal))
        {
            return (TokenCheck.Invalid, null);
        }

        var key = await secret.GetSigningKeyAsync(cancellationToken);
        var expected = HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
        if (!TryDecode(parts[2], out var signature) || !CryptographicOperations.FixedTimeEquals(expected, signature))
        {
            return (TokenCheck.Invalid, null);
        }

        var claims = TryDecode(parts[1], out var payload) ? ReadClaims(payload) : null;
        if (claims is null || !string.Equals(claims.Audience, audience, StringComparison.Ordinal))
        {
            return (TokenCheck.Invalid, null);
        }

        return time.GetUtcNow() >= claims.ExpiresAt ? (TokenCheck.Expired, claims) : (TokenCheck.Valid, claims);
    }

    private async Task<string> SignAsync(DirectLineToken token, CancellationToken cancellationToken)
    {
        var payload = Base64Url.EncodeToString(WriteClaims(token));
        var key = await secret.GetSigningKeyAsync(cancellationToken);
        var signature = HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(Header + "." + payload));
        return Header + "." + payload + "." + Base64Url.EncodeToString(signature);
    }

    private static byte[] WriteClaims(DirectLineToken token)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("conv", token.ConversationId);
            // DirectLineJS reads "user" and then posts only as that user; an unbound token has none.
            if (!string.IsNullOrEmpty(token.UserId))
            {
                writer.WriteString("user", token.UserId);
            }

            if (token.UserName is not null)
            {
                writer.WriteString("name", token.UserName);
            }

            writer.WriteString("jti", token.TokenId);
            writer.WriteString("aud", token.Audience);
            writer.WriteNumber("exp", token.ExpiresAt.ToUnixTimeSeconds());
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static DirectLineToken? ReadClaims(byte[] payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            var root = document.RootElement;
            return new DirectLineToken(
                root.GetProperty("conv").GetString()!,
                root.TryGetProperty("user", out var user) ? user.GetString() : null,
                root.TryGetProperty("name", out var name) ? name.GetString() : null,
                root.GetProperty("jti").GetString()!,
                DateTimeOffset.FromUnixTimeSeconds(root.GetProperty("exp").GetInt64()),
                root.GetProperty("aud").GetString()!);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            // Only reachable with a correctly signed payload, i.e. one this code wrote; refuse it anyway.
            return null;
        }
    }

    private static bool TryDecode(string text, out byte[] bytes)
    {
        try
        {
            bytes = Base64Url.DecodeFromChars(text);
            return true;
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }
    }

    private static string NewTokenId() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
}
