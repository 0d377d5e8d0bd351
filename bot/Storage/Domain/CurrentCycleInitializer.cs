using System.Globalization;
using ChatReport.Bot.Storage.Migrations;
using Microsoft.Extensions.Options;

namespace ChatReport.Bot.Storage.Domain;

/// <summary>
/// Makes sure the cycle containing today exists at every start, with base points for every
/// active member. Runs after the rules are loaded, because base points come from the base rule.
/// </summary>
public sealed class CurrentCycleInitializer(CycleStore cycles, TimeProvider time, IOptions<CycleOptions> options, ILogger<CurrentCycleInitializer> logger) : IDatabaseInitializer
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        var today = ChatReport.Conversation.Domain.LocalCalendar.Today(time, options.Value.TimeZone);
        var cycle = await cycles.EnsureCycleAsync(options.Value.CycleYearOf(today), cancellationToken);
        logger.LogInformation(
            "Points cycle {Year} runs from {StartsOn} to {EndsOn}",
            cycle.Year,
            cycle.StartsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            cycle.EndsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }
}
