using ChatReport.Bot.Storage.Connections;
using ChatReport.Bot.Storage.Domain;
using ChatReport.Conversation.Domain;
using Microsoft.Extensions.Options;

namespace ChatReport.Bot.Digests;

/// <summary>
/// Starts the new yearly cycle at its first local midnight while the bot runs (at start-up the
/// storage's cycle initializer does the same): the cycle is created with every active member's
/// base points, once, however many instances try. The old cycle stays open for approvals of
/// claims made in its last days and stays queryable; an administrator closes it.
/// </summary>
public sealed class CycleRollover(ICycleCalendar cycles, GroupCommit commits, TimeProvider time, IOptions<CycleOptions> options, ILogger<CycleRollover> logger)
{
    /// <summary>Creates the cycle today falls in when it does not exist yet; returns it when it was created now.</summary>
    public async Task<Cycle?> EnsureCurrentCycleAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var year = settings.CycleYearOf(LocalCalendar.Today(time, settings.TimeZone));
        // A read first: the write (which also grants base points to everyone lacking them) is for the rollover moment only.
        if (await cycles.FindCycleAsync(year, cancellationToken) is not null)
        {
            return null;
        }

        // Look again and create in one unit: of rollovers racing (in this process or on another
        // instance) the first creates the cycle and the others find it, so one reports it.
        var cycle = await commits.RunAsync(
            async ct => await cycles.FindCycleAsync(year, ct) is null ? await cycles.EnsureCycleAsync(year, ct) : null,
            cancellationToken);
        if (cycle is null)
        {
            return null;
        }

        logger.LogInformation("Points cycle {Year} started: {StartsOn} to {EndsOn}, base points granted", cycle.Year, cycle.StartsOn, cycle.EndsOn);
        return cycle;
    }

    /// <summary>The instant the next cycle starts: local midnight of its first day in the cycle time zone.</summary>
    public DateTimeOffset NextRollover()
    {
        var settings = options.Value;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(settings.TimeZone);
        var next = settings.StartOf(settings.CycleYearOf(LocalCalendar.Today(time, settings.TimeZone)) + 1).ToDateTime(TimeOnly.MinValue);
        // Midnight may not exist on a day clocks go forward; the first minute that does is the start.
        while (zone.IsInvalidTime(next))
        {
            next = next.AddMinutes(30);
        }

        return new DateTimeOffset(next, zone.GetUtcOffset(next)).ToUniversalTime();
    }
}
