using System.Globalization;
using ChatReport.Bot.Storage.Connections;
using ChatReport.Conversation.Domain;
using Dapper;

namespace ChatReport.Bot.Storage.Domain;

public sealed class OrgUnitStore(DbConnectionFactory connections, TimeProvider time) : IOrganisation
{
    private const string Insert = $"""
        INSERT INTO org_units (parent_id, kind, name, time_zone, is_active, created_at)
        VALUES (@ParentId, @Kind, @Name, @TimeZone, TRUE, @CreatedAt)
        RETURNING {OrgUnitRow.Columns}
        """;

    private const string ById = $"""
        SELECT {OrgUnitRow.Columns} FROM org_units WHERE id = @Id
        """;

    private const string Children = $"""
        SELECT {OrgUnitRow.Columns} FROM org_units
        WHERE parent_id = @ParentId OR (@ParentId IS NULL AND parent_id IS NULL)
        ORDER BY name, id
        """;

    private const string ByName = $"""
        SELECT {OrgUnitRow.Columns} FROM org_units WHERE name = @Name AND is_active = TRUE ORDER BY id
        """;

    public async Task<OrgUnit> CreateUnitAsync(NewOrgUnit unit, long? actorId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var name = unit.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            throw new ArgumentException("A unit needs a name.", nameof(unit));
        }

        if (!LocalCalendar.IsKnownTimeZone(unit.TimeZone))
        {
            throw new ArgumentException($"'{unit.TimeZone}' is not a time zone this machine knows (for example Asia/Shanghai).", nameof(unit));
        }

        return await connections.WriteAsync(
            async (connection, transaction) =>
            {
                if (unit.ParentId is { } parentId &&
                    await connection.QuerySingleOrDefaultAsync<OrgUnitRow>(new CommandDefinition(ById, new { Id = parentId }, transaction, cancellationToken: cancellationToken)) is null)
                {
                    throw new ArgumentException($"There is no unit {parentId} to put '{name}' under.", nameof(unit));
                }

                var now = time.GetUtcNow();
                var created = (await connection.QuerySingleAsync<OrgUnitRow>(new CommandDefinition(
                    Insert,
                    new { unit.ParentId, unit.Kind, Name = name, unit.TimeZone, CreatedAt = now },
                    transaction,
                    cancellationToken: cancellationToken))).ToOrgUnit();
                await AuditLog.WriteAsync(
                    connection, transaction, now, actorId, "unit.create", AuditSubjects.Unit,
                    created.Id.ToString(CultureInfo.InvariantCulture), null, created, cancellationToken);
                return created;
            },
            cancellationToken);
    }

    public async Task<OrgUnit?> GetUnitAsync(long unitId, CancellationToken cancellationToken)
    {
        await using var lease = await connections.UseAsync(cancellationToken);
        var connection = lease.Connection;
        var row = await connection.QuerySingleOrDefaultAsync<OrgUnitRow>(new CommandDefinition(ById, new { Id = unitId }, cancellationToken: cancellationToken));
        return row?.ToOrgUnit();
    }

    public async Task<IReadOnlyList<OrgUnit>> ListChildrenAsync(long? parentId, CancellationToken cancellationToken)
    {
        await using var lease = await connections.UseAsync(cancellationToken);
        var connection = lease.Connection;
        var rows = await connection.QueryAsync<OrgUnitRow>(new CommandDefinition(Children, new { ParentId = parentId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToOrgUnit())];
    }

    public async Task<IReadOnlyList<OrgUnit>> FindUnitsByNameAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        await using var lease = await connections.UseAsync(cancellationToken);
        var connection = lease.Connection;
        var rows = await connection.QueryAsync<OrgUnitRow>(new CommandDefinition(ByName, new { Name = name.Trim() }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToOrgUnit())];
    }
}
