using System.Data.Common;
using System.Globalization;
using ChatReport.Bot.Storage.Connections;
using ChatReport.Conversation.Domain;
using Dapper;

namespace ChatReport.Bot.Storage.Domain;

/// <summary>
/// Writes a whole roster (members, base points, roles and their audit records) in ONE
/// transaction. Each unit's active names are read once, inside that transaction, and every
/// entry is checked against them in memory, so an import costs one pass however large the unit
/// is, and two imports of one file cannot both create a member.
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

    /// <summary>
    /// For each entry, in order, the new member, or null when the unit already has an active
    /// member of that name (as <see cref="PersonName.AreSame"/> reads names) or an earlier entry took it.
    /// </summary>
    public Task<IReadOnlyList<Member?>> AddAllAsync(IReadOnlyList<RosterEntry> entries, CancellationToken cancellationToken) =>
        connections.WriteAsync<IReadOnlyList<Member?>>(
            async (connection, transaction) =>
            {
                var now = time.GetUtcNow();
                var namesByUnit = new Dictionary<long, HashSet<string>>();
                var cyclesByDay = new Dictionary<DateOnly, Cycle?>();
                var added = new Member?[entries.Count];
                for (var i = 0; i < entries.Count; i++)
                {
                    var (unit, name, role) = entries[i];
                    if (!namesByUnit.TryGetValue(unit.Id, out var names))
                    {
                        var active = await connection.QueryAsync<string>(new CommandDefinition(ActiveNames, new { UnitId = unit.Id }, transaction, cancellationToken: cancellationToken));
                        names = active.Select(PersonName.ComparisonKey).ToHashSet(StringComparer.Ordinal);
                        namesByUnit.Add(unit.Id, names);
                    }

                    if (!names.Add(PersonName.ComparisonKey(name)))
                    {
                        continue;
                    }

                    var today = LocalCalendar.ToLocalDate(now, unit.TimeZone);
                    if (!cyclesByDay.TryGetValue(today, out var cycle))
                    {
                        cycle = await LedgerWriter.FindOpenCycleAsync(connection, transaction, today, cancellationToken);
                        cyclesByDay.Add(today, cycle);
                    }

                    added[i] = await InsertAsync(connection, transaction, entries[i], cycle, today, now, cancellationToken);
                }

                return added;
            },
            cancellationToken);

    private static async Task<Member> InsertAsync(
        DbConnection connection, DbTransaction? transaction, RosterEntry entry, Cycle? cycle, DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (unit, name, role) = entry;
        var member = await connection.QuerySingleAsync<Member>(new CommandDefinition(
            InsertMember, new { UnitId = unit.Id, Name = name, Now = now }, transaction, cancellationToken: cancellationToken));
        if (cycle is not null)
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
    }
}
