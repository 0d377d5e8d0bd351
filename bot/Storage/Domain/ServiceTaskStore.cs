using System.Data.Common;
using System.Globalization;
using ChatReport.Bot.Storage.Connections;
using ChatReport.Conversation.Domain;
using Dapper;

namespace ChatReport.Bot.Storage.Domain;

public sealed class ServiceTaskStore(DbConnectionFactory connections, TimeProvider time) : IServiceTasks
{
    private const string Columns = "id, unit_id, title, place, starts_at, points_each, places, status, created_by, created_at, closed_by, closed_at";
    private const string SignUpColumns = "task_id, member_id, signed_up_at, attended";

    private const string Insert = $"""
        INSERT INTO service_tasks (unit_id, title, place, starts_at, points_each, places, status, created_by, created_at)
        VALUES (@UnitId, @Title, @Place, @StartsAt, @PointsEach, @Places, 'open', @CreatedBy, @CreatedAt)
        RETURNING {Columns}
        """;

    private const string ById = $"""
        SELECT {Columns} FROM service_tasks WHERE id = @Id
        """;

    private const string Open = $"""
        SELECT {Columns} FROM service_tasks WHERE unit_id = @UnitId AND status = 'open' ORDER BY starts_at, id
        """;

    private const string UnitTimeZone = """
        SELECT time_zone FROM org_units WHERE id = @UnitId
        """;

    private const string MemberUnit = """
        SELECT unit_id FROM members WHERE id = @MemberId AND is_active = TRUE
        """;

    private const string SignUps = $"""
        SELECT {SignUpColumns} FROM task_signups WHERE task_id = @TaskId ORDER BY signed_up_at, member_id
        """;

    private const string SignUpExists = """
        SELECT EXISTS (SELECT 1 FROM task_signups WHERE task_id = @TaskId AND member_id = @MemberId)
        """;

    private const string SignUpCount = """
        SELECT count(*) FROM task_signups WHERE task_id = @TaskId
        """;

    private const string InsertSignUp = """
        INSERT INTO task_signups (task_id, member_id, signed_up_at) VALUES (@TaskId, @MemberId, @SignedUpAt)
        """;

    private const string DeleteSignUp = """
        DELETE FROM task_signups
        WHERE task_id = @TaskId AND member_id = @MemberId
          AND EXISTS (SELECT 1 FROM service_tasks WHERE id = @TaskId AND status = 'open')
        """;

    private const string ActiveMembersAmong = """
        SELECT id FROM members WHERE unit_id = @UnitId AND is_active = TRUE AND id IN @Ids
        """;

    private const string MarkAttended = """
        INSERT INTO task_signups (task_id, member_id, signed_up_at, attended) VALUES (@TaskId, @MemberId, @Now, TRUE)
        ON CONFLICT (task_id, member_id) DO UPDATE SET attended = TRUE
        """;

    private const string MarkAbsent = """
        UPDATE task_signups SET attended = FALSE WHERE task_id = @TaskId AND member_id NOT IN @Ids
        """;

    private const string Close = $"""
        UPDATE service_tasks SET status = @Status, closed_by = @ClosedBy, closed_at = @ClosedAt
        WHERE id = @Id AND status = 'open'
        RETURNING {Columns}
        """;

    public async Task<ServiceTask> PostAsync(NewServiceTask task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (string.IsNullOrWhiteSpace(task.Title))
        {
            throw new ArgumentException("A task needs a title.", nameof(task));
        }

        if (task.PointsEach is < 0 or > 1000 || task.Places is < 1)
        {
            throw new ArgumentException("Points must be between 0 and 1000 and places at least 1.", nameof(task));
        }

        return await connections.WriteAsync(
            async (connection, transaction) =>
            {
                var now = time.GetUtcNow();
                var posted = (await connection.QuerySingleAsync<ServiceTaskRow>(new CommandDefinition(
                    Insert,
                    new
                    {
                        task.UnitId,
                        Title = task.Title.Trim(),
                        Place = string.IsNullOrWhiteSpace(task.Place) ? null : task.Place.Trim(),
                        task.StartsAt,
                        task.PointsEach,
                        task.Places,
                        task.CreatedBy,
                        CreatedAt = now,
                    },
                    transaction,
                    cancellationToken: cancellationToken))).ToTask();
                await AuditLog.WriteAsync(connection, transaction, now, task.CreatedBy, "task.post", AuditSubjects.Task, Id(posted.Id), null, posted, cancellationToken);
                return posted;
            },
            cancellationToken);
    }

    public async Task<ServiceTask?> GetAsync(long taskId, CancellationToken cancellationToken)
    {
        await using var lease = await connections.UseAsync(cancellationToken);
        var connection = lease.Connection;
        return (await connection.QuerySingleOrDefaultAsync<ServiceTaskRow>(new CommandDefinition(ById, new { Id = taskId }, cancellationToken: cancellationToken)))?.ToTask();
    }

    public async Task<IReadOnlyList<ServiceTask>> ListOpenAsync(long unitId, CancellationToken cancellationToken)
    {
        await using var lease = await connections.UseAsync(cancellationToken);
        var connection = lease.Connection;
        var rows = await connection.QueryAsync<ServiceTaskRow>(new CommandDefinition(Open, new { UnitId = unitId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToTask())];
    }

    public Task<SignUpStatus> SignUpAsync(long taskId, long memberId, CancellationToken cancellationToken) =>
        connections.WriteAsync(
            async (connection, transaction) =>
            {
                var task = await GetAsync(connection, transaction, taskId, cancellationToken);
                var unitId = await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(MemberUnit, new { MemberId = memberId }, transaction, cancellationToken: cancellationToken));
                if (task is null || unitId != task.UnitId)
                {
                    return SignUpStatus.NotFound;
                }

                var key = new { TaskId = taskId, MemberId = memberId };
                if (await connection.ExecuteScalarAsync<bool>(new CommandDefinition(SignUpExists, key, transaction, cancellationToken: cancellationToken)))
                {
                    return SignUpStatus.AlreadySignedUp;
                }

                if (task.Status != ServiceTaskStatus.Open)
                {
                    return SignUpStatus.NotOpen;
                }

                // Counted inside the write transaction, so two members racing for the last place
                // cannot both get it.
                if (task.Places is { } places
                    && await connection.ExecuteScalarAsync<int>(new CommandDefinition(SignUpCount, new { TaskId = taskId }, transaction, cancellationToken: cancellationToken)) >= places)
                {
                    return SignUpStatus.Full;
                }

                await connection.ExecuteAsync(new CommandDefinition(
                    InsertSignUp, new { TaskId = taskId, MemberId = memberId, SignedUpAt = time.GetUtcNow() }, transaction, cancellationToken: cancellationToken));
                return SignUpStatus.SignedUp;
            },
            cancellationToken);

    public Task<bool> CancelSignUpAsync(long taskId, long memberId, CancellationToken cancellationToken) =>
        connections.WriteAsync(
            async (connection, transaction) => await connection.ExecuteAsync(new CommandDefinition(
                DeleteSignUp, new { TaskId = taskId, MemberId = memberId }, transaction, cancellationToken: cancellationToken)) == 1,
            cancellationToken);

    public async Task<IReadOnlyList<TaskSignup>> ListSignUpsAsync(long taskId, CancellationToken cancellationToken)
    {
        await using var lease = await connections.UseAsync(cancellationToken);
        var connection = lease.Connection;
        return [.. await connection.QueryAsync<TaskSignup>(new CommandDefinition(SignUps, new { TaskId = taskId }, cancellationToken: cancellationToken))];
    }

    public Task<TaskClosing> CompleteAsync(long taskId, long reviewerId, IReadOnlyCollection<long> participantIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(participantIds);
        var participants = participantIds.Distinct().ToArray();
        return connections.WriteAsync(
            async (connection, transaction) =>
            {
                var refusal = await CheckClosableAsync(connection, transaction, taskId, reviewerId, cancellationToken);
                if (refusal.Closing is { } refused)
                {
                    return refused;
                }

                var task = refusal.Task!;
                var members = (await connection.QueryAsync<long>(new CommandDefinition(
                    SqlDialect.Lists(connection, ActiveMembersAmong), new { task.UnitId, Ids = participants }, transaction, cancellationToken: cancellationToken))).ToList();
                if (members.Count != participants.Length)
                {
                    return new TaskClosing(TaskClosingStatus.NotAllowed, task, await SignUpsAsync(connection, transaction, taskId, cancellationToken), []);
                }

                var timeZone = await connection.ExecuteScalarAsync<string>(new CommandDefinition(UnitTimeZone, new { task.UnitId }, transaction, cancellationToken: cancellationToken));
                var day = LocalCalendar.ToLocalDate(task.StartsAt, timeZone ?? LocalCalendar.DefaultTimeZone);
                var cycle = await LedgerWriter.FindOpenCycleAsync(connection, transaction, day, cancellationToken);
                var quarter = cycle is null
                    ? null
                    : await LedgerWriter.BookingQuarterAsync(connection, transaction, task.UnitId, cycle, cycle.QuarterOf(day), cancellationToken);
                if (quarter is null)
                {
                    return new TaskClosing(TaskClosingStatus.PeriodClosed, task, await SignUpsAsync(connection, transaction, taskId, cancellationToken), []);
                }

                var now = time.GetUtcNow();
                foreach (var memberId in participants)
                {
                    await connection.ExecuteAsync(new CommandDefinition(MarkAttended, new { TaskId = taskId, MemberId = memberId, Now = now }, transaction, cancellationToken: cancellationToken));
                }

                await connection.ExecuteAsync(new CommandDefinition(SqlDialect.Lists(connection, MarkAbsent), new { TaskId = taskId, Ids = participants }, transaction, cancellationToken: cancellationToken));
                var closed = await CloseAsync(connection, transaction, taskId, ServiceTaskStatus.Completed, reviewerId, now, cancellationToken);

                var awards = new List<LedgerEntry>();
                foreach (var memberId in participants)
                {
                    awards.Add(await LedgerWriter.InsertAsync(
                        connection,
                        transaction,
                        new NewLedgerEntry(
                            memberId, task.UnitId, cycle!.Id, quarter.Value, LedgerKind.Bonus, task.PointsEach, day, now,
                            RecordedBy: reviewerId, Reason: task.Title, TaskId: taskId),
                        cancellationToken));
                }

                await AuditLog.WriteAsync(
                    connection, transaction, now, reviewerId, "task.complete", AuditSubjects.Task, Id(taskId), task,
                    new { task = closed, participants }, cancellationToken);
                return new TaskClosing(TaskClosingStatus.Closed, closed, await SignUpsAsync(connection, transaction, taskId, cancellationToken), awards);
            },
            cancellationToken);
    }

    public Task<TaskClosing> CancelAsync(long taskId, long reviewerId, CancellationToken cancellationToken) =>
        connections.WriteAsync(
            async (connection, transaction) =>
            {
                var refusal = await CheckClosableAsync(connection, transaction, taskId, reviewerId, cancellationToken);
                if (refusal.Closing is { } refused)
                {
                    return refused;
                }

                var now = time.GetUtcNow();
                var closed = await CloseAsync(connection, transaction, taskId, ServiceTaskStatus.Cancelled, reviewerId, now, cancellationToken);
                await AuditLog.WriteAsync(connection, transaction, now, reviewerId, "task.cancel", AuditSubjects.Task, Id(taskId), refusal.Task, closed, cancellationToken);
                return new TaskClosing(TaskClosingStatus.Closed, closed, await SignUpsAsync(connection, transaction, taskId, cancellationToken), []);
            },
            cancellationToken);

    private static async Task<(ServiceTask? Task, TaskClosing? Closing)> CheckClosableAsync(
        DbConnection connection,
        DbTransaction? transaction,
        long taskId,
        long reviewerId,
        CancellationToken cancellationToken)
    {
        var task = await GetAsync(connection, transaction, taskId, cancellationToken);
        if (task is null)
        {
            return (null, new TaskClosing(TaskClosingStatus.NotFound, null, [], []));
        }

        if (task.Status != ServiceTaskStatus.Open)
        {
            return (task, new TaskClosing(TaskClosingStatus.AlreadyClosed, task, await SignUpsAsync(connection, transaction, taskId, cancellationToken), []));
        }

        if (!await Permissions.CanReviewAsync(connection, transaction, reviewerId, task.UnitId, cancellationToken))
        {
            return (task, new TaskClosing(TaskClosingStatus.NotAllowed, task, [], []));
        }

        return (task, null);
    }

    private static async Task<ServiceTask> CloseAsync(
        DbConnection connection,
        DbTransaction? transaction,
        long taskId,
        ServiceTaskStatus status,
        long closedBy,
        DateTimeOffset now,
        CancellationToken cancellationToken) =>
        (await connection.QuerySingleAsync<ServiceTaskRow>(new CommandDefinition(
            Close, new { Id = taskId, Status = status, ClosedBy = closedBy, ClosedAt = now }, transaction, cancellationToken: cancellationToken))).ToTask();

    private static async Task<ServiceTask?> GetAsync(DbConnection connection, DbTransaction? transaction, long taskId, CancellationToken cancellationToken) =>
        (await connection.QuerySingleOrDefaultAsync<ServiceTaskRow>(new CommandDefinition(ById, new { Id = taskId }, transaction, cancellationToken: cancellationToken)))?.ToTask();

    private static async Task<IReadOnlyList<TaskSignup>> SignUpsAsync(DbConnection connection, DbTransaction? transaction, long taskId, CancellationToken cancellationToken) =>
        [.. await connection.QueryAsync<TaskSignup>(new CommandDefinition(SignUps, new { TaskId = taskId }, transaction, cancellationToken: cancellationToken))];

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    private sealed record ServiceTaskRow(
        long Id,
        long UnitId,
        string Title,
        string? Place,
        DateTimeOffset StartsAt,
        int PointsEach,
        int? Places,
        ServiceTaskStatus Status,
        long CreatedBy,
        DateTimeOffset CreatedAt,
        long? ClosedBy,
        DateTimeOffset? ClosedAt)
    {
        public ServiceTask ToTask() => new(
            Id, UnitId, Title, Place, StartsAt, PointsEach, Places, Status, CreatedBy, CreatedAt, ClosedBy, ClosedAt);
    }
}
