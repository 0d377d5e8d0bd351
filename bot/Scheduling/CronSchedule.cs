using System.Diagnostics.CodeAnalysis;
using Cronos;

namespace ChatReport.Bot.Scheduling;

/// <summary>A five-field cron expression read on the wall clock of one time zone.</summary>
public sealed class CronSchedule
{
    private readonly CronExpression _cron;

    private CronSchedule(string expression, CronExpression cron, TimeZoneInfo zone)
    {
        Expression = expression;
        _cron = cron;
        Zone = zone;
    }

    public string Expression { get; }

    public TimeZoneInfo Zone { get; }

    public static CronSchedule Parse(string expression, string timeZone) =>
        TryParse(expression, timeZone, out var schedule, out var error) ? schedule : throw new FormatException(error);

    public static bool TryParse(
        string? expression,
        string? timeZone,
        [NotNullWhen(true)] out CronSchedule? schedule,
        [NotNullWhen(false)] out string? error)
    {
        schedule = null;
        if (string.IsNullOrWhiteSpace(timeZone) || !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone.Trim(), out var zone))
        {
            error = $"'{timeZone}' is not a time zone this machine knows (for example Asia/Shanghai).";
            return false;
        }

        if (string.IsNullOrWhiteSpace(expression) || !CronExpression.TryParse(expression.Trim(), CronFormat.Standard, out var cron))
        {
            error = $"'{expression}' is not a five-field cron expression (minute hour day month weekday, for example \"0 20 * * *\").";
            return false;
        }

        schedule = new CronSchedule(expression.Trim(), cron, zone);
        error = null;
        return true;
    }

    /// <summary>The last scheduled instant at or before <paramref name="instant"/>, or null when there is none within reach.</summary>
    public DateTimeOffset? Latest(DateTimeOffset instant) => _cron.GetPreviousOccurrence(instant, Zone, inclusive: true);

    /// <summary>The first scheduled instant after <paramref name="instant"/>.</summary>
    public DateTimeOffset? Next(DateTimeOffset instant) => _cron.GetNextOccurrence(instant, Zone, inclusive: false);

    /// <summary>The local day of <paramref name="instant"/> on this schedule's wall clock: the day a digest is for.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);
}
