using System.Data.Common;
using System.Globalization;
using ChatReport.Bot.Storage.Connections;
using ChatReport.Conversation.Domain;
using Dapper;

namespace ChatReport.Bot.Storage.Domain;

public sealed partial class MemberStore(DbConnectionFactory connections, TimeProvider time, JoinThrottle? throttle = null) : IMemberDirectory
{
    private readonly JoinThrottle _throttle = throttle ?? JoinThrottle.Default;

    private const string MemberColumns = "id, unit_id, display_name, is_active, joined_at";
    private const string RoleColumns = "unit_id, member_id, role, can_review, granted_by, granted_at";

    private const string ByAccount = """
        SELECT m.id, m.unit_id, m.display_name, m.is_active, m.joined_at
        FROM channel_accounts a JOIN members m ON m.id = a.member_id
        WHERE a.channel_id = @ChannelId AND a.user_id = @UserId
        """;

    private const string ById = $"""
        SELECT {MemberColumns} FROM members WHERE id = @Id
        """;

    private const string ActiveInUnit = $"""
        SELECT {MemberColumns} FROM members WHERE unit_id = @UnitId AND is_active = TRUE ORDER BY display_name, id
        """;

    private const string UnitById = $"""
        SELECT {OrgUnitRow.Columns} FROM org_units WHERE id = @Id
        """;

    private const string CodeByText = """
        SELECT code, unit_id, created_by, created_at, expires_at, max_uses, uses, revoked_at, member_id FROM join_codes WHERE code = @Code
        """;

    // A roster import creates members without accounts; the member who joins with that name
    // claims the entry instead of appearing twice. Names are compared in C# (PersonName), which
    // SQLite's = cannot do.
    private const string Unlinked = """
        SELECT m.id, m.unit_id, m.display_name, m.is_active, m.joined_at
        FROM members m
        WHERE m.unit_id = @UnitId AND m.is_active = TRUE
          AND NOT EXISTS (SELECT 1 FROM channel_accounts a WHERE a.member_id = m.id)
        ORDER BY m.id
        """;

    // A role above member is never handed over for knowing a name and the branch's code.
    private const string HoldsOffice = """
        SELECT EXISTS (SELECT 1 FROM unit_roles WHERE member_id = @MemberId AND role IN ('secretary', 'committee', 'administrator'))
        """;

    private const string ActiveById = $"""
        SELECT {MemberColumns} FROM members WHERE id = @Id AND is_active = TRUE
        """;

    private const string InsertMember = $"""
        INSERT INTO members (unit_id, display_name, is_active, joined_at)
        VALUES (@UnitId, @DisplayName, TRUE, @JoinedAt)
        RETURNING {MemberColumns}
        """;

    private const string InsertAccount = """
        INSERT INTO channel_accounts (channel_id, user_id, member_id, user_name, linked_at)
        VALUES (@ChannelId, @UserId, @MemberId, @UserName, @LinkedAt)
        """;

    private const string AccountOwner = """
        SELECT member_id FROM channel_accounts WHERE channel_id = @ChannelId AND user_id = @UserId
        """;

    private const string UseCode = """
        UPDATE join_codes SET uses = uses + 1 WHERE code = @Code
        """;

    private const string Accounts = """
        SELECT channel_id, user_id, member_id, user_name, linked_at FROM channel_accounts WHERE member_id = @MemberId ORDER BY linked_at, channel_id, user_id
        """;

    private const string Move = $"""
        UPDATE members SET unit_id = @UnitId WHERE id = @Id RETURNING {MemberColumns}
        """;

    private const string SetActive = $"""
        UPDATE members SET is_active = @IsActive WHERE id = @Id RETURNING {MemberColumns}
        """;

    public async Task<Member?> FindByAccountAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        await using var lease = await connections.UseAsync(cancellationToken);
        var connection = lease.Connection;
        return await connection.QuerySingleOrDefaultAsync<Member>(new CommandDefinition(
            ByAccount, new { ChannelId = channelId, UserId = userId }, cancellationToken: cancellationToken));
    }

    public async Task<Member?> GetAsync(long memberId, CancellationToken cancellationToken)
    {
        await using var lease = await connections.UseAsync(cancellationToken);
        var connection = lease.Connection;
        return await connection.QuerySingleOrDefaultAsync<Member>(new CommandDefinition(ById, new { Id = memberId }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<Member>> ListMembersAsync(long unitId, CancellationToken cancellationToken)
    {
        await using var lease = await connections.UseAsync(cancellationToken);
        var connection = lease.Connection;
        return [.. await connection.QueryAsync<Member>(new CommandDefinition(ActiveInUnit, new { UnitId = unitId }, cancellationToken: cancellationToken))];
    }

    public Task<JoinResult> JoinAsync(JoinRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var displayName = PersonName.Normalize(request.DisplayName);
        if (!PersonName.IsAcceptable(displayName))
        {
            throw new ArgumentException($"A member needs a name of 1 to {PersonName.MaxLength} characters.", nameof(request));
        }

        return connections.WriteAsync(
            async (connection, transaction) =>
            {
                var existing = await connection.QuerySingleOrDefaultAsync<Member>(new CommandDefinition(
                    ByAccount, new { request.ChannelId, request.UserId }, transaction, cancellationToken: cancellationToken));
                if (existing is not null)
                {
                    var existingUnit = await GetUnitAsync(connection, transaction, existing.UnitId, cancellationToken);
                    return new JoinResult(JoinStatus.AlreadyMember, existing, existingUnit, IsNewMember: false);
                }

                var now = time.GetUtcNow();
                var attempt = request.Attempt;
                if (await _throttle.IsBlockedAsync(connection, transaction, attempt, now, cancellationToken))
                {
                    return new JoinResult(JoinStatus.TooManyAttempts, null, null, false);
                }

                var code = await connection.QuerySingleOrDefaultAsync<JoinCode>(new CommandDefinition(
                    CodeByText, new { Code = request.Code?.Trim() }, transaction, cancellationToken: cancellationToken));
                var unit = code is null ? null : await GetUnitAsync(connection, transaction, code.UnitId, cancellationToken);
                var person = code?.MemberId is { } personId
                    ? await connection.QuerySingleOrDefaultAsync<Member>(new CommandDefinition(ActiveById, new { Id = personId }, transaction, cancellationToken: cancellationToken))
                    : null;
                if (code is null || !code.IsUsableAt(now) || unit is not { IsActive: true } || (code.MemberId is not null && person is null))
                {
                    await _throttle.CountFailureAsync(connection, transaction, attempt, now, cancellationToken);
                    return new JoinResult(JoinStatus.UnknownCode, null, null, false);
                }

                Member member;
                bool isNew;
                if (person is not null)
                {
                    // The personal code was issued for this person: it claims the entry, roles and all.
                    member = person;
                    isNew = false;
                    unit = await GetUnitAsync(connection, transaction, person.UnitId, cancellationToken);
                }
                else
                {
                    var rosterEntries = (await connection.QueryAsync<Member>(new CommandDefinition(
                        Unlinked, new { code.UnitId }, transaction, cancellationToken: cancellationToken)))
                        .Where(m => PersonName.AreSame(m.DisplayName, displayName))
                        .ToList();
                    foreach (var entry in rosterEntries)
                    {
                        if (await connection.ExecuteScalarAsync<bool>(new CommandDefinition(HoldsOffice, new { MemberId = entry.Id }, transaction, cancellationToken: cancellationToken)))
                        {
                            return new JoinResult(JoinStatus.NeedsPersonalCode, null, null, false);
                        }
                    }

                    isNew = rosterEntries.Count != 1;
                    member = isNew
                        ? await InsertMemberAsync(connection, transaction, unit, displayName, now, cancellationToken)
                        : rosterEntries[0];
                }

                await connection.ExecuteAsync(new CommandDefinition(
                    InsertAccount,
                    new { request.ChannelId, request.UserId, MemberId = member.Id, request.UserName, LinkedAt = now },
                    transaction,
                    cancellationToken: cancellationToken));
                await connection.ExecuteAsync(new CommandDefinition(UseCode, new { code.Code }, transaction, cancellationToken: cancellationToken));
                await _throttle.ClearAccountAsync(connection, transaction, attempt, cancellationToken);
                await AuditLog.WriteAsync(
                    connection, transaction, now, member.Id, "member.join", AuditSubjects.Member, Id(member.Id), null,
                    new { member, code.Code, request.ChannelId, request.UserId, ClaimedRosterEntry = !isNew, Personal = person is not null },
                    cancellationToken);
                return new JoinResult(JoinStatus.Joined, member, unit, isNew);
            },
            cancellationToken);
    }

    public async Task<Member> AddMemberAsync(long unitId, string displayName, long? actorId, CancellationToken cancellationToken)
    {
        var name = PersonName.Normalize(displayName);
        if (!PersonName.IsAcceptable(name))
        {
            throw new ArgumentException($"A member needs a name of 1 to {PersonName.MaxLength} characters.", nameof(displayName));
        }

        return await connections.WriteAsync(
            async (connection, transaction) =>
            {
                var unit = await GetUnitAsync(connection, transaction, unitId, cancellationToken)
                    ?? throw new ArgumentException($"There is no unit {unitId}.", nameof(unitId));
                var now = time.GetUtcNow();
                var member = await InsertMemberAsync(connection, transaction, unit, name, now, cancellationToken);
                await AuditLog.WriteAsync(connection, transaction, now, actorId, "member.add", AuditSubjects.Member, Id(member.Id), null, member, cancellationToken);
                return member;
            },
            cancellationToken);
    }

    public Task<AccountLinkStatus> LinkAccountAsync(long memberId, string channelId, string userId, string? userName, CancellationToken cancellationToken) =>
        connections.WriteAsync(
            async (connection, transaction) =>
            {
                if (await connection.QuerySingleOrDefaultAsync<Member>(new CommandDefinition(ById, new { Id = memberId }, transaction, cancellationToken: cancellationToken)) is null)
                {
                    return AccountLinkStatus.MemberNotFound;
                }

                var owner = await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
                    AccountOwner, new { ChannelId = channelId, UserId = userId }, transaction, cancellationToken: cancellationToken));
                if (owner is { } ownerId)
                {
                    return ownerId == memberId ? AccountLinkStatus.AlreadyLinked : AccountLinkStatus.LinkedToAnotherMember;
                }

                var now = time.GetUtcNow();
                var link = new ChannelAccountLink(channelId, userId, memberId, userName, now);
                await connection.ExecuteAsync(new CommandDefinition(InsertAccount, link, transaction, cancellationToken: cancellationToken));
                await AuditLog.WriteAsync(connection, transaction, now, memberId, "member.link_account", AuditSubjects.Member, Id(memberId), null, link, cancellationToken);
                return AccountLinkStatus.Linked;
            },
            cancellationToken);

    public async Task<IReadOnlyList<ChannelAccountLink>> ListAccountsAsync(long memberId, CancellationToken cancellationToken)
    {
        await using var lease = await connections.UseAsync(cancellationToken);
        var connection = lease.Connection;
        return [.. await connection.QueryAsync<ChannelAccountLink>(new CommandDefinition(Accounts, new { MemberId = memberId }, cancellationToken: cancellationToken))];
    }

    public Task<Member?> MoveMemberAsync(long memberId, long unitId, long? actorId, CancellationToken cancellationToken) =>
        connections.WriteAsync(
            async (connection, transaction) =>
            {
                var before = await connection.QuerySingleOrDefaultAsync<Member>(new CommandDefinition(ById, new { Id = memberId }, transaction, cancellationToken: cancellationToken));
                if (before is null || await GetUnitAsync(connection, transaction, unitId, cancellationToken) is null)
                {
                    return null;
                }

                var after = await connection.QuerySingleAsync<Member>(new CommandDefinition(Move, new { Id = memberId, UnitId = unitId }, transaction, cancellationToken: cancellationToken));
                await AuditLog.WriteAsync(connection, transaction, time.GetUtcNow(), actorId, "member.move", AuditSubjects.Member, Id(memberId), before, after, cancellationToken);
                return after;
            },
            cancellationToken);

    public Task<Member?> SetActiveAsync(long memberId, bool isActive, long? actorId, CancellationToken cancellationToken) =>
        connections.WriteAsync(
            async (connection, transaction) =>
            {
                var before = await connection.QuerySingleOrDefaultAsync<Member>(new CommandDefinition(ById, new { Id = memberId }, transaction, cancellationToken: cancellationToken));
                if (before is null)
                {
                    return null;
                }

                var after = await connection.QuerySingleAsync<Member>(new CommandDefinition(SetActive, new { Id = memberId, IsActive = isActive }, transaction, cancellationToken: cancellationToken));
                await AuditLog.WriteAsync(
                    connection, transaction, time.GetUtcNow(), actorId, isActive ? "member.activate" : "member.deactivate",
                    AuditSubjects.Member, Id(memberId), before, after, cancellationToken);
                return after;
            },
            cancellationToken);

    private static async Task<Member> InsertMemberAsync(
        DbConnection connection,
        DbTransaction? transaction,
        OrgUnit unit,
        string displayName,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var member = await connection.QuerySingleAsync<Member>(new CommandDefinition(
            InsertMember, new { UnitId = unit.Id, DisplayName = displayName, JoinedAt = now }, transaction, cancellationToken: cancellationToken));
        // Every active member has base points in the open cycle: one who arrives mid-cycle gets
        // them on the day they arrive.
        var today = LocalCalendar.ToLocalDate(now, unit.TimeZone);
        if (await LedgerWriter.FindOpenCycleAsync(connection, transaction, today, cancellationToken) is { } cycle)
        {
            await LedgerWriter.GrantBasePointsAsync(connection, transaction, cycle, member.Id, today, now, cancellationToken);
        }

        return member;
    }

    private static async Task<OrgUnit?> GetUnitAsync(DbConnection connection, DbTransaction? transaction, long unitId, CancellationToken cancellationToken) =>
        (await connection.QuerySingleOrDefaultAsync<OrgUnitRow>(new CommandDefinition(UnitById, new { Id = unitId }, transaction, cancellationToken: cancellationToken)))?.ToOrgUnit();

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
