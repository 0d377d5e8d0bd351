using ChatReport.Bot.Notifications;
using ChatReport.Bot.Storage.Domain;

namespace ChatReport.Bot.Notices;

/// <summary>
/// The scheduler's objection round: a signed-off quarter becomes final once its objection period
/// (<c>Notice:ObjectionDays</c> after the sign-off) has ended with no objection open; while some
/// are open after the period, the branch's reviewers are reminded once a day.
/// </summary>
public sealed class ObjectionPeriods(ObjectionStore store, ObjectionNotifier notifier, ILogger<ObjectionPeriods> logger)
{
    public async Task<ObjectionRound> RunDueAsync(CancellationToken cancellationToken)
    {
        var round = await store.FinaliseDueAsync(cancellationToken);
        foreach (var final in round.Finalised)
        {
            logger.LogInformation("Unit {UnitId} quarter {Quarter} is final: its objection period ended with no objection open", final.UnitId, final.Quarter);
        }

        foreach (var (quarter, open) in round.Remind)
        {
            await notifier.RemindAsync(quarter, open, cancellationToken);
        }

        return round;
    }
}
