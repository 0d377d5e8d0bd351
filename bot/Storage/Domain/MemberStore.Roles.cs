using System.Globalization;
using ChatReport.Bot.Storage.Connections;
using ChatReport.Conversation.Domain;
using Dapper;

namespace ChatReport.Bot.Storage.Domain;

/// <summary>Members' roles in units: who is secretary, who may review, who administers.</summary>
public sealed partial class MemberStore
{
    private const string Roles = $"""
        SELECT {RoleColumns} FROM unit_roles WHERE member_id = @MemberId ORDER BY unit_id, role
        """;

    private const string RoleByKey = $"""
        SELECT {RoleColumns} FROM unit_roles WHERE unit_id = @UnitId AND member_id = @MemberId AND role = @Role
        """;

    private const string UpsertRole = $"""
        INSERT INTO unit_roles (unit_id, member_id, role, can_review, granted_by, granted_at)
        VALUES (@UnitId, @MemberId, @Role, @CanReview, @GrantedBy, @GrantedAt)
        ON CONFLICT (unit_id, member_id, role) DO UPDATE
            SET can_review = excluded.can_review, granted_by = excluded.granted_by, granted_at = excluded.granted_at
        RETURNING {RoleColumns}
        """;

    private const string DeleteRole = """
        DELETE FROM unit_roles WHERE unit_id = @UnitId AND member_id = @MemberId AND role = @Role
        """;

    private const string Reviewers = """
        SELECT DISTINCT m.id, m.unit_id, m.display_name, m.is_active, m.joined_at
        FROM unit_roles r JOIN members m ON m.id = r.member_id
        WHERE r.unit_id = @UnitId AND m.is_active = TRUE
          AND (r.role = 'secretary' OR (r.role = 'committee' AND r.can_review = TRUE))
        ORDER BY m.display_name, m.id
        """;

    private const string AdministersUnit = """
        WITH RECURSIVE above (id, parent_id) AS (
            SELECT id, parent_id FROM org_units WHERE id = @UnitId
            UNION ALL
            SELECT u.id, u.parent_id FROM org_units u JOIN above ON u.id = above.parent_id
        )
        SELECT EXISTS (
            SELECT 1 FROM unit_roles r
            JOIN above ON r.unit_id = above.id
            JOIN members m ON m.id = r.member_id
            WHERE r.member_id = @MemberId AND r.role = 'administrator' AND m.is_active = TRUE)
        """;

    public async Task<IReadOnlyList<UnitRole>> GetRolesAsync(long memberId, CancellationToken cancellationToken)
    {
        await using var lease = await connections.UseAsync(cancellationToken);
        var connection = lease.Connection;
        var rows = await connection.QueryAsync<UnitRoleRow>(new CommandDefinition(Roles, new { MemberId = memberId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToUnitRole())];
    }

    public Task<UnitRole> GrantRoleAsync(long unitId, long memberId, Role role, bool canReview, long? grantedBy, CancellationToken cancellationToken) =>
        connections.WriteAsync(
            async (connection, transaction) =>
            {
                var key = new { UnitId = unitId, MemberId = memberId, Role = role };
                var before = await connection.QuerySingleOrDefaultAsync<UnitRoleRow>(new CommandDefinition(RoleByKey, key, transaction, cancellationToken: cancellationToken));
                var now = time.GetUtcNow();
                var after = (await connection.QuerySingleAsync<UnitRoleRow>(new CommandDefinition(
                    UpsertRole,
                    new
                    {
                        UnitId = unitId,
                        MemberId = memberId,
                        Role = role,
                        // Reviewing is what a secretary is for; the flag matters for committee members.
                        CanReview = canReview || role == Role.Secretary,
                        GrantedBy = grantedBy,
                        GrantedAt = now,
                    },
                    transaction,
                    cancellationToken: cancellationToken))).ToUnitRole();
                await AuditLog.WriteAsync(
                    connection, transaction, now, grantedBy, "role.grant", AuditSubjects.Role, RoleSubject(unitId, memberId, role),
                    before?.ToUnitRole(), after, cancellationToken);
                return after;
            },
            cancellationToken);

    public Task<bool> RevokeRoleAsync(long unitId, long memberId, Role role, long? revokedBy, CancellationToken cancellationToken) =>
        connections.WriteAsync(
            async (connection, transaction) =>
            {
                var key = new { UnitId = unitId, MemberId = memberId, Role = role };
                var before = await connection.QuerySingleOrDefaultAsync<UnitRoleRow>(new CommandDefinition(RoleByKey, key, transaction, cancellationToken: cancellationToken));
                if (before is null)
                {
                    return false;
                }

                await connection.ExecuteAsync(new CommandDefinition(DeleteRole, key, transaction, cancellationToken: cancellationToken));
                await AuditLog.WriteAsync(
                    connection, transaction, time.GetUtcNow(), revokedBy, "role.revoke", AuditSubjects.Role, RoleSubject(unitId, memberId, role),
                    before.ToUnitRole(), null, cancellationToken);
                return true;
            },
            cancellationToken);

    public async Task<IReadOnlyList<Member>> ListReviewersAsync(long unitId, CancellationToken cancellationToken)
    {
        await using var lease = await connections.UseAsync(cancellationToken);
        var connection = lease.Connection;
        return [.. await connection.QueryAsync<Member>(new CommandDefinition(Reviewers, new { UnitId = unitId }, cancellationToken: cancellationToken))];
    }

    public async Task<bool> CanReviewAsync(long memberId, long unitId, CancellationToken cancellationToken)
    {
        await using var lease = await connections.UseAsync(cancellationToken);
        var connection = lease.Connection;
        return await Permissions.CanReviewAsync(connection, null, memberId, unitId, cancellationToken);
    }

    public async Task<bool> IsAdministratorOfAsync(long memberId, long unitId, CancellationToken cancellationToken)
    {
        await using var lease = await connections.UseAsync(cancellationToken);
        var connection = lease.Connection;
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            AdministersUnit, new { MemberId = memberId, UnitId = unitId }, cancellationToken: cancellationToken));
    }

    private static string RoleSubject(long unitId, long memberId, Role role) =>
        string.Create(CultureInfo.InvariantCulture, $"{unitId}/{memberId}/{role.ToStored()}");

    private sealed record UnitRoleRow(long UnitId, long MemberId, Role Role, bool CanReview, long? GrantedBy, DateTimeOffset GrantedAt)
    {
        public UnitRole ToUnitRole() => new(UnitId, MemberId, Role, CanReview, GrantedBy, GrantedAt);
    }
}
