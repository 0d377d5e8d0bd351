using System.Data.Common;
using System.Globalization;
using ChatReport.Bot.Storage.Connections;
using ChatReport.Conversation.Domain;
using Dapper;
using Microsoft.Extensions.Options;

namespace ChatReport.Bot.Storage.Domain;

public sealed class CycleStore(DbConnectionFactory connections, TimeProvider time, IOptions<CycleOptions> options) : ICycleCalendar
{
    private const string Columns = "id, year, starts_on, ends_on, is_open";
    private const string SignOffColumns = "unit_id, year, quarter, signed_by, signed_at";

    private const string ForDay = $"""
        SELECT {Columns} FROM cycles WHERE starts_on <= @Day AND ends_on >= @Day
        """;

    private const string ByYear = $"""
        SELECT {Columns} FROM cycles WHERE year = @Year
        """;

    private const string ById = $"""
        SELECT {Columns} FROM cycles WHERE id = @Id
        """;

    private const string All = $"""
        SELECT {Columns} FROM cycles ORDER BY year DESC
        """;

    private const string Neighbours = $"""
        SELECT {Columns} FROM cycles WHERE year IN (@Year - 1, @Year + 1)
        """;

    private const string Insert = $"""
        INSERT INTO cycles (year, starts_on, ends_on, is_open) VALUES (@Year, @StartsOn, @EndsOn, TRUE)
        RETURNING {Columns}
        """;

    private const string Close = $"""
        UPDATE cycles SET is_open = FALSE WHERE id = @Id AND is_open = TRUE RETURNING {Columns}
        """;

    private const string SignOffByKey = $"""
        SELECT {SignOffColumns} FROM quarter_signoffs WHERE unit_id = @UnitId AND year = @Year AND quarter = @Quarter
        """;

    private const string InsertSignOff = $"""
        INSERT INTO quarter_signoffs (unit_id, year, quarter, signed_by, signed_at)
        VALUES (@UnitId, @Year, @Quarter, @SignedBy, @SignedAt)
        RETURNING {SignOffColumns}
        """;

    public async Task<Cycle?> FindCycleForDateAsync(DateOnly day, CancellationToken cancellationToken)
    {
        await using var lease = await connections.UseAsync(cancellationToken);
        var connection = lease.Connection;
        return await connection.QuerySingleOrDefaultAsync<Cycle>(new CommandDefinition(ForDay, new { Day = day }, cancellationToken: cancellationToken));
    }

    public async Task<Cycle?> FindCycleAsync(int year, CancellationToken cancellationToken)
    {
        await using var lease = await connections.UseAsync(cancellationToken);
        var connection = lease.Connection;
        return await connection.QuerySingleOrDefaultAsync<Cycle>(new CommandDefinition(ByYear, new { Year = year }, cancellationToken: cancellationToken));
    }

    public async Task<Cycle?> GetCycleAsync(long cycleId, CancellationToken cancellationToken)
    {
        await using var lease = await connections.UseAsync(cancellationToken);
        var connection = lease.Connection;
        return await connection.QuerySingleOrDefaultAsync<Cycle>(new CommandDefinition(ById, new { Id = cycleId }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<Cycle>> ListCyclesAsync(CancellationToken cancellationToken)
    {
        await using var lease = await connections.UseAsync(cancellationToken);
        var connection = lease.Connection;
        return [.. await connection.QueryAsync<Cycle>(new CommandDefinition(All, cancellationToken: cancellationToken))];
    }

    public Task<Cycle> EnsureCycleAsync(int year, CancellationToken cancellationToken) =>
        connections.WriteAsync(
            async (connection, transaction) =>
            {
                var now = time.GetUtcNow();
                var cycle = await connection.QuerySingleOrDefaultAsync<Cycle>(new CommandDefinition(ByYear, new { Year = year }, transaction, cancellationToken: cancellationToken));
                DateOnly baseDay;
                if (cycle is null)
                {
                    var (startsOn, endsOn) = await PlanAsync(connection, transaction, year, cancellationToken);
                    cycle = await connection.QuerySingleAsync<Cycle>(new CommandDefinition(
                        Insert, new { Year = year, StartsOn = startsOn, EndsOn = endsOn }, transaction, cancellationToken: cancellationToken));
                    await AuditLog.WriteAsync(connection, transaction, now, null, "cycle.open", AuditSubjects.Cycle, Id(year), null, cycle, cancellationToken);
                    // A new cycle starts with everyone's base points on its first day.
                    baseDay = cycle.StartsOn;
                }
                else
                {
                    // Members who slipped through (added while no cycle existed) get them today.
                    baseDay = LocalCalendar.Today(time, options.Value.TimeZone);
                }

                if (cycle.IsOpen)
                {
                    await LedgerWriter.GrantBasePointsAsync(connection, transaction, cycle, null, baseDay, now, cancellationToken);
                }

                return cycle;
            },
            cancellationToken);

    public Task<bool> CloseCycleAsync(long cycleId, long? actorId, CancellationToken cancellationToken) =>
        connections.WriteAsync(
            async (connection, transaction) =>
            {
                var closed = await connection.QuerySingleOrDefaultAsync<Cycle>(new CommandDefinition(Close, new { Id = cycleId }, transaction, cancellationToken: cancellationToken));
                if (closed is null)
                {
                    return false;
                }

                await AuditLog.WriteAsync(
                    connection, transaction, time.GetUtcNow(), actorId, "cycle.close", AuditSubjects.Cycle, Id(closed.Year),
                    closed with { IsOpen = true }, closed, cancellationToken);
                return true;
            },
            cancellationToken);

    public Task<QuarterSignOffResult> SignOffQuarterAsync(long unitId, int year, int quarter, long signedBy, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quarter, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quarter, 4);
        return connections.WriteAsync(
            async (connection, transaction) =>
            {
                var key = new { UnitId = unitId, Year = year, Quarter = quarter };
                var earlier = await connection.QuerySingleOrDefaultAsync<QuarterSignOff>(new CommandDefinition(SignOffByKey, key, transaction, cancellationToken: cancellationToken));
                if (earlier is not null)
                {
                    return new QuarterSignOffResult(earlier, AlreadySignedOff: true);
                }

                var now = time.GetUtcNow();
                var signOff = await connection.QuerySingleAsync<QuarterSignOff>(new CommandDefinition(
                    InsertSignOff, new { UnitId = unitId, Year = year, Quarter = quarter, SignedBy = signedBy, SignedAt = now }, transaction, cancellationToken: cancellationToken));
                await AuditLog.WriteAsync(
                    connection, transaction, now, signedBy, "quarter.sign_off", AuditSubjects.Quarter,
                    string.Create(CultureInfo.InvariantCulture, $"{unitId}/{year}Q{quarter}"), null, signOff, cancellationToken);
                return new QuarterSignOffResult(signOff, AlreadySignedOff: false);
            },
            cancellationToken);
    }

    public async Task<QuarterSignOff?> FindSignOffAsync(long unitId, int year, int quarter, CancellationToken cancellationToken)
    {
        await using var lease = await connections.UseAsync(cancellationToken);
        var connection = lease.Connection;
        return await connection.QuerySingleOrDefaultAsync<QuarterSignOff>(new CommandDefinition(
            SignOffByKey, new { UnitId = unitId, Year = year, Quarter = quarter }, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// The configured days for the cycle of <paramref name="year"/>, moved so that it neither
    /// overlaps its neighbours nor leaves a gap after the previous one when the start day was
    /// changed between the two.
    /// </summary>
    private async Task<(DateOnly StartsOn, DateOnly EndsOn)> PlanAsync(
        DbConnection connection,
        DbTransaction? transaction,
        int year,
        CancellationToken cancellationToken)
    {
        var startsOn = options.Value.StartOf(year);
        var endsOn = options.Value.StartOf(year + 1).AddDays(-1);
        foreach (var neighbour in await connection.QueryAsync<Cycle>(new CommandDefinition(Neighbours, new { Year = year }, transaction, cancellationToken: cancellationToken)))
        {
            if (neighbour.Year < year)
            {
                startsOn = neighbour.EndsOn.AddDays(1);
            }
            else if (neighbour.StartsOn <= endsOn)
            {
                endsOn = neighbour.StartsOn.AddDays(-1);
            }
        }

        if (startsOn >= endsOn)
        {
            throw new InvalidOperationException($"The cycle of {year} would have no days between {startsOn:yyyy-MM-dd} and {endsOn:yyyy-MM-dd}; check Cycle:StartMonthDay.");
        }

        return (startsOn, endsOn);
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
