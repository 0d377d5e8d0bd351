using System.Globalization;
using System.Security.Cryptography;
using ChatReport.Bot.Storage.Connections;
using ChatReport.Bot.Storage.Domain;
using ChatReport.Conversation.Domain;
using Dapper;

namespace ChatReport.Bot.Storage.Channels;

/// <summary>The browsers signed in to the Web Chat page ("my devices"), so that one can be signed out.</summary>
public sealed class WebSessionStore(DbConnectionFactory connections, TimeProvider time)
{
    private const int MaxUserAgentLength = 200;
    private const string Columns = "id, member_id, user_id, created_at, last_seen_at, user_agent, revoked_at, revoked_by";

    private const string Insert = $"""
        INSERT INTO web_sessions (id, member_id, user_id, created_at, last_seen_at, user_agent)
        VALUES (@Id, @MemberId, @UserId, @Now, @Now, @UserAgent)
        RETURNING {Columns}
        """;

    private const string ById = $"""
        SELECT {Columns} FROM web_sessions WHERE id = @Id
        """;

    private const string OfMember = $"""
        SELECT {Columns} FROM web_sessions WHERE member_id = @MemberId AND revoked_at IS NULL ORDER BY created_at DESC, id
        """;

    private const string SignedOutEverywhere = """
        SELECT EXISTS (SELECT 1 FROM web_sessions WHERE user_id = @UserId)
           AND NOT EXISTS (SELECT 1 FROM web_sessions WHERE user_id = @UserId AND revoked_at IS NULL)
        """;

    private const string Touch = """
        UPDATE web_sessions SET last_seen_at = @Now WHERE id = @Id AND revoked_at IS NULL
        """;

    private const string Revoke = $"""
        UPDATE web_sessions SET revoked_at = @Now, revoked_by = @RevokedBy WHERE id = @Id AND revoked_at IS NULL
        RETURNING {Columns}
        """;

    /// <summary>Records a newly signed-in browser.</summary>
    public Task<WebSession> CreateAsync(long memberId, string userId, string? userAgent, CancellationToken cancellationToken) =>
        connections.WriteAsync(
            async (connection, transaction) =>
            {
                var now = time.GetUtcNow();
                var session = await connection.QuerySingleAsync<WebSession>(new CommandDefinition(
                    Insert,
                    new
                    {
                        // 128 random bits: the cookie is protected anyway; the id must not be guessable in the database either.
                        Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
                        MemberId = memberId,
                        UserId = userId,
                        Now = now,
                        UserAgent = userAgent is { Length: > MaxUserAgentLength } ? userAgent[..MaxUserAgentLength] : userAgent,
                    },
                    transaction,
                    cancellationToken: cancellationToken));
                await AuditLog.WriteAsync(
                    connection, transaction, now, memberId, "web_session.sign_in", AuditSubjects.Member,
                    memberId.ToString(CultureInfo.InvariantCulture), null, new { session.Id, session.UserId, session.UserAgent }, cancellationToken);
                return session;
            },
            cancellationToken);

    /// <summary>A session by id, signed out or not.</summary>
    public async Task<WebSession?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var lease = await connections.UseAsync(cancellationToken);
        var connection = lease.Connection;
        return await connection.QuerySingleOrDefaultAsync<WebSession>(new CommandDefinition(ById, new { Id = id }, cancellationToken: cancellationToken));
    }

    /// <summary>The member's browsers that are still signed in, newest first.</summary>
    public async Task<IReadOnlyList<WebSession>> ListAsync(long memberId, CancellationToken cancellationToken)
    {
        await using var lease = await connections.UseAsync(cancellationToken);
        var connection = lease.Connection;
        return [.. await connection.QueryAsync<WebSession>(new CommandDefinition(OfMember, new { MemberId = memberId }, cancellationToken: cancellationToken))];
    }

    /// <summary>
    /// True when <paramref name="userId"/> is a user id the page gave out and every browser that
    /// used it has been signed out: its Direct Line tokens must not be renewed. False for ids the
    /// page never gave out (tokens minted with the secret).
    /// </summary>
    public async Task<bool> IsSignedOutAsync(string? userId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(userId))
        {
            return false;
        }

        await using var lease = await connections.UseAsync(cancellationToken);

        var connection = lease.Connection;
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(SignedOutEverywhere, new { UserId = userId }, cancellationToken: cancellationToken));
    }

    /// <summary>Notes that the browser asked for a token now.</summary>
    public Task TouchAsync(string id, CancellationToken cancellationToken) =>
        connections.WriteAsync(
            async (connection, transaction) =>
            {
                await connection.ExecuteAsync(new CommandDefinition(Touch, new { Id = id, Now = time.GetUtcNow() }, transaction, cancellationToken: cancellationToken));
                return true;
            },
            cancellationToken);

    /// <summary>Signs a browser out. Audited.</summary>
    /// <returns>False when it was signed out already or never existed.</returns>
    public Task<bool> RevokeAsync(string id, long revokedBy, CancellationToken cancellationToken) =>
        connections.WriteAsync(
            async (connection, transaction) =>
            {
                var now = time.GetUtcNow();
                var revoked = await connection.QuerySingleOrDefaultAsync<WebSession>(new CommandDefinition(
                    Revoke, new { Id = id, Now = now, RevokedBy = revokedBy }, transaction, cancellationToken: cancellationToken));
                if (revoked is null)
                {
                    return false;
                }

                await AuditLog.WriteAsync(
                    connection, transaction, now, revokedBy, "web_session.sign_out", AuditSubjects.Member,
                    revoked.MemberId.ToString(CultureInfo.InvariantCulture), null, new { revoked.Id, revoked.UserAgent }, cancellationToken);
                return true;
            },
            cancellationToken);
}
