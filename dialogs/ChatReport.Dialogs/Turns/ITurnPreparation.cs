using ChatReport.Dialogs.Schema;

namespace ChatReport.Dialogs.Turns;

/// <summary>
/// Work a host may do for an activity before its turn runs, outside the turn's database unit:
/// pure computation (recognising the message's dates, numbers and rules) and reads, whose results
/// the turn then finds remembered. It changes nothing: a turn that finds nothing remembered
/// computes the same results itself.
/// </summary>
public interface ITurnPreparation
{
    /// <summary>Prepares for <paramref name="activity"/>'s turn.</summary>
    /// <param name="activity">The inbound activity, as the turn will see it.</param>
    /// <param name="cancellationToken">Cancels the preparation.</param>
    /// <returns>A task that completes when the preparation is done.</returns>
    Task PrepareAsync(Activity activity, CancellationToken cancellationToken);
}
