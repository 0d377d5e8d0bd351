using System.Globalization;
using ChatReport.Bot.Storage.Connections;
using ChatReport.Conversation.Domain;
using Dapper;

namespace ChatReport.Bot.Storage.Domain;

/// <summary>
/// Writes one roster row (a member, base points, and a role) in ONE transaction, so a failure
/// never leaves a member without the role the file gave them. The presence check runs inside
/// the same transaction, so two imports of one file cannot both create the member.
/// </summary>
internal sealed class RosterStore(DbConnectionFactory connections, TimeProvider time)
{
    private const string ActiveNames = """
        SELECT display_name FROM members WHERE unit_id = @UnitId AND is_active = TRUE
        """;

    private const string InsertMember = """
        INSERT INTO members (unit_id, display_name, is_active, joined_at)
        VALUES (@UnitId, @Name, TRUE, @Now)
        RETURNING id, unit_id, display_name, is_active, joined_at
        """;

    private const string InsertRole = """
        INSERT INTO unit_roles (unit_id, member_id, role, can_review, granted_by, granted_at)
        VALUES (@UnitId, @MemberId, @Role, @CanReview, NULL, @Now)
        """;

    /// <summary>The new member, or null when an active member of that name is already in the unit.</summary>
    public Task<Member?> AddAsync(OrgUnit unit, string name, Role role, CancellationToken cancellationToken) =>
        connections.WriteAsync<Member?>(
            async (connection, transaction) =>
            {
                // Names compare as people read them (PersonName), which SQLite's = cannot do.
                var names = await connection.QueryAsync<string>(new CommandDefinition(ActiveNames, new { UnitId = unit.Id }, transaction, cancellationToken: cancellationToken));
                if (names.Any(n => PersonName.AreSame(n, name)))
                {
                    return null;
                }

                var now = time.GetUtcNow();
                var member = await connection.QuerySingleAsync<Member>(new CommandDefinition(
                    InsertMember, new { UnitId = unit.Id, Name = name, Now = now }, transaction, cancellationToken: cancellationToken));
                var today = LocalCalendar.ToLocalDate(now, unit.TimeZone);
                if (await LedgerWriter.FindOpenCycleAsync(connection, transaction, today, cancellationToken) is { } cycle)
                {
                    await LedgerWriter.GrantBasePointsAsync(connection, transaction, cycle, member.Id, today, now, cancellationToken);
                }

                var memberId = member.Id.ToString(CultureInfo.InvariantCulture);
                await AuditLog.WriteAsync(connection, transaction, now, null, "member.add", AuditSubjects.Member, memberId, null, member, cancellationToken);
                if (role != Role.Member)
                {
                    var granted = new UnitRole(unit.Id, member.Id, role, role == Role.Secretary, null, now);
                    await connection.ExecuteAsync(new CommandDefinition(
                        InsertRole, new { UnitId = unit.Id, MemberId = member.Id, Role = role, granted.CanReview, Now = now }, transaction, cancellationToken: cancellationToken));
                    await AuditLog.WriteAsync(
                        connection, transaction, now, null, "role.grant", AuditSubjects.Role,
                        string.Create(CultureInfo.InvariantCulture, $"{unit.Id}/{member.Id}/{role.ToStored()}"), null, granted, cancellationToken);
                }

                return member;
            },
            cancellationToken);
}
