using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using ChatReport.Bot.Storage.Connections;
using ChatReport.Conversation.Domain;
using Dapper;

namespace ChatReport.Bot.Storage.Domain;

public sealed class JoinCodeStore(DbConnectionFactory connections, TimeProvider time, JoinThrottle? throttle = null) : IJoinCodes
{
    private readonly JoinThrottle _throttle = throttle ?? JoinThrottle.Default;

    private const string Columns = "code, unit_id, created_by, created_at, expires_at, max_uses, uses, revoked_at, member_id";

    // Codes are never reused (a revoked code stays in the table), so a clash just draws again.
    private const string Insert = $"""
        INSERT INTO join_codes (code, unit_id, created_by, created_at, expires_at, max_uses, uses, member_id)
        VALUES (@Code, @UnitId, @CreatedBy, @CreatedAt, @ExpiresAt, @MaxUses, 0, @MemberId)
        ON CONFLICT (code) DO NOTHING
        RETURNING {Columns}
        """;

    private const string UnitExists = """
        SELECT EXISTS (SELECT 1 FROM org_units WHERE id = @UnitId AND is_active = TRUE)
        """;

    private const string ActiveMemberUnit = """
        SELECT m.unit_id FROM members m JOIN org_units u ON u.id = m.unit_id
        WHERE m.id = @MemberId AND m.is_active = TRUE AND u.is_active = TRUE
        """;

    private const string UnitActive = """
        SELECT is_active FROM org_units WHERE id = @UnitId
        """;

    private const string ByCode = $"""
        SELECT {Columns} FROM join_codes WHERE code = @Code
        """;

    // Only what the index narrows to; whether a code is usable is JoinCode.IsUsableAt's to say.
    private const string UnitCodes = $"""
        SELECT {Columns} FROM join_codes
        WHERE unit_id = @UnitId AND member_id IS NULL AND revoked_at IS NULL
        ORDER BY created_at DESC, code
        """;

    private const string Revoke = $"""
        UPDATE join_codes SET revoked_at = @Now WHERE code = @Code AND revoked_at IS NULL
        RETURNING {Columns}
        """;

    public Task<JoinCode> IssueAsync(long unitId, long? issuedBy, DateTimeOffset? expiresAt, int? maxUses, CancellationToken cancellationToken)
    {
        if (maxUses is < 1)
        {
            throw new ArgumentException("A code must allow at least one use.", nameof(maxUses));
        }

        return connections.WriteAsync(
            async (connection, transaction) =>
            {
                if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition(UnitExists, new { UnitId = unitId }, transaction, cancellationToken: cancellationToken)))
                {
                    throw new ArgumentException($"There is no active unit {unitId}.", nameof(unitId));
                }

                return await InsertAsync(connection, transaction, unitId, null, issuedBy, expiresAt, maxUses, cancellationToken);
            },
            cancellationToken);
    }

    public Task<JoinCode?> IssuePersonalAsync(long memberId, long? issuedBy, DateTimeOffset? expiresAt, CancellationToken cancellationToken) =>
        connections.WriteAsync<JoinCode?>(
            async (connection, transaction) =>
            {
                var unitId = await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
                    ActiveMemberUnit, new { MemberId = memberId }, transaction, cancellationToken: cancellationToken));
                return unitId is { } unit
                    ? await InsertAsync(connection, transaction, unit, memberId, issuedBy, expiresAt, maxUses: 1, cancellationToken)
                    : null;
            },
            cancellationToken);

    public Task<JoinCodeCheck> CheckAsync(string code, JoinAttempt attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(attempt);
        return connections.WriteAsync(
            async (connection, transaction) =>
            {
                var now = time.GetUtcNow();
                if (await _throttle.IsBlockedAsync(connection, transaction, attempt, now, cancellationToken))
                {
                    return new JoinCodeCheck(JoinCodeCheckStatus.TooManyAttempts, null);
                }

                var found = code.Trim().Length == 0
                    ? null
                    : await connection.QuerySingleOrDefaultAsync<JoinCode>(new CommandDefinition(ByCode, new { Code = code.Trim() }, transaction, cancellationToken: cancellationToken));
                if (found is not null && found.IsUsableAt(now)
                    && await connection.ExecuteScalarAsync<bool>(new CommandDefinition(UnitActive, new { found.UnitId }, transaction, cancellationToken: cancellationToken)))
                {
                    return new JoinCodeCheck(JoinCodeCheckStatus.Usable, found);
                }

                await _throttle.CountFailureAsync(connection, transaction, attempt, now, cancellationToken);
                return new JoinCodeCheck(JoinCodeCheckStatus.Invalid, null);
            },
            cancellationToken);
    }

    private async Task<JoinCode> InsertAsync(
        DbConnection connection,
        DbTransaction? transaction,
        long unitId,
        long? memberId,
        long? issuedBy,
        DateTimeOffset? expiresAt,
        int? maxUses,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        for (var attempt = 0; ; attempt++)
        {
            // Six digits are easy to read out and type on an old phone; should a large
            // installation crowd them, longer codes take over.
            var code = attempt < 20
                ? RandomNumberGenerator.GetInt32(100_000, 1_000_000).ToString(CultureInfo.InvariantCulture)
                : RandomNumberGenerator.GetInt32(10_000_000, 100_000_000).ToString(CultureInfo.InvariantCulture);
            var issued = await connection.QuerySingleOrDefaultAsync<JoinCode>(new CommandDefinition(
                Insert,
                new { Code = code, UnitId = unitId, CreatedBy = issuedBy, CreatedAt = now, ExpiresAt = expiresAt, MaxUses = maxUses, MemberId = memberId },
                transaction,
                cancellationToken: cancellationToken));
            if (issued is not null)
            {
                await AuditLog.WriteAsync(
                    connection, transaction, now, issuedBy, memberId is null ? "join_code.issue" : "join_code.issue_personal",
                    AuditSubjects.JoinCode, issued.Code, null, issued, cancellationToken);
                return issued;
            }
        }
    }

    public async Task<JoinCode?> GetAsync(string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(code);
        await using var lease = await connections.UseAsync(cancellationToken);
        var connection = lease.Connection;
        return await connection.QuerySingleOrDefaultAsync<JoinCode>(new CommandDefinition(ByCode, new { Code = code.Trim() }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<JoinCode>> ListUsableAsync(long unitId, CancellationToken cancellationToken)
    {
        await using var lease = await connections.UseAsync(cancellationToken);
        var connection = lease.Connection;
        var now = time.GetUtcNow();
        var codes = await connection.QueryAsync<JoinCode>(new CommandDefinition(UnitCodes, new { UnitId = unitId }, cancellationToken: cancellationToken));
        return [.. codes.Where(code => code.IsUsableAt(now))];
    }

    public Task<bool> RevokeAsync(string code, long? revokedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(code);
        return connections.WriteAsync(
            async (connection, transaction) =>
            {
                var before = await connection.QuerySingleOrDefaultAsync<JoinCode>(new CommandDefinition(ByCode, new { Code = code.Trim() }, transaction, cancellationToken: cancellationToken));
                var now = time.GetUtcNow();
                var after = await connection.QuerySingleOrDefaultAsync<JoinCode>(new CommandDefinition(Revoke, new { Code = code.Trim(), Now = now }, transaction, cancellationToken: cancellationToken));
                if (after is null)
                {
                    return false;
                }

                await AuditLog.WriteAsync(connection, transaction, now, revokedBy, "join_code.revoke", AuditSubjects.JoinCode, after.Code, before, after, cancellationToken);
                return true;
            },
            cancellationToken);
    }
}
