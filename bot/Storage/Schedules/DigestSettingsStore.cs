using ChatReport.Bot.Storage.Connections;
using ChatReport.Bot.Storage.Domain;
using Cronos;
using Dapper;

namespace ChatReport.Bot.Storage.Schedules;

/// <summary>Per-branch overrides of the digest settings (<c>digest_settings</c>).</summary>
public sealed class DigestSettingsStore(DbConnectionFactory connections, TimeProvider time)
{
    public const string AuditSubject = "digest_settings";

    private const string Columns = "unit_id, schedule, time_zone, skip_empty_days, publish_deductions";

    private const string ByUnit = $"""
        SELECT {Columns} FROM digest_settings WHERE unit_id = @UnitId
        """;

    private const string Upsert = $"""
        INSERT INTO digest_settings (unit_id, schedule, time_zone, skip_empty_days, publish_deductions, updated_by, updated_at)
        VALUES (@UnitId, @Schedule, @TimeZone, @SkipEmptyDays, @PublishDeductions, @UpdatedBy, @UpdatedAt)
        ON CONFLICT (unit_id) DO UPDATE SET
            schedule = excluded.schedule,
            time_zone = excluded.time_zone,
            skip_empty_days = excluded.skip_empty_days,
            publish_deductions = excluded.publish_deductions,
            updated_by = excluded.updated_by,
            updated_at = excluded.updated_at
        RETURNING {Columns}
        """;

    public async Task<BranchDigestSettings> GetAsync(long unitId, CancellationToken cancellationToken)
    {
        await using var lease = await connections.UseAsync(cancellationToken);
        var connection = lease.Connection;
        return await connection.QuerySingleOrDefaultAsync<BranchDigestSettings>(new CommandDefinition(ByUnit, new { UnitId = unitId }, cancellationToken: cancellationToken))
            ?? new BranchDigestSettings(unitId);
    }

    /// <summary>Replaces a branch's overrides. Audited.</summary>
    /// <exception cref="ArgumentException">The schedule or time zone cannot be used.</exception>
    public async Task<BranchDigestSettings> SetAsync(BranchDigestSettings settings, long? actorId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var schedule = Blank(settings.Schedule);
        var timeZone = Blank(settings.TimeZone);
        // Checked here as the digest schedule reads them, so a stored override can always be used; either half may be inherited.
        if (schedule is not null && !CronExpression.TryParse(schedule, CronFormat.Standard, out _))
        {
            throw new ArgumentException($"'{schedule}' is not a five-field cron expression (minute hour day month weekday, for example \"0 20 * * *\").", nameof(settings));
        }

        if (timeZone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _))
        {
            throw new ArgumentException($"'{timeZone}' is not a time zone this machine knows (for example Asia/Shanghai).", nameof(settings));
        }

        var normalized = settings with { Schedule = schedule, TimeZone = timeZone };
        return await connections.WriteAsync(
            async (connection, transaction) =>
            {
                var before = await connection.QuerySingleOrDefaultAsync<BranchDigestSettings>(new CommandDefinition(ByUnit, new { normalized.UnitId }, transaction, cancellationToken: cancellationToken));
                var now = time.GetUtcNow();
                var after = await connection.QuerySingleAsync<BranchDigestSettings>(new CommandDefinition(
                    Upsert,
                    new { normalized.UnitId, normalized.Schedule, normalized.TimeZone, normalized.SkipEmptyDays, normalized.PublishDeductions, UpdatedBy = actorId, UpdatedAt = now },
                    transaction,
                    cancellationToken: cancellationToken));
                await AuditLog.WriteAsync(
                    connection, transaction, now, actorId, "digest.settings", AuditSubject,
                    normalized.UnitId.ToString(System.Globalization.CultureInfo.InvariantCulture), before, after, cancellationToken);
                return after;
            },
            cancellationToken);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
