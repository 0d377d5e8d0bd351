using ChatReport.Conversation.Domain;

namespace ChatReport.Conversation.Tasks;

/// <summary>Announces tasks to the branch's groups and tells members the outcome. Delivery problems are logged, never thrown.</summary>
public interface ITaskNotifier
{
    /// <summary>Posts the task, with a sign-up button, to every group subscribed for the branch.</summary>
    /// <param name="task">The task just posted.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How many groups it reached.</returns>
    Task<int> TaskPostedAsync(ServiceTask task, CancellationToken cancellationToken);

    /// <summary>Tells participants their points (completed) or those signed up that it is off (cancelled).</summary>
    /// <param name="closing">How the task closed.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when everyone was tried.</returns>
    Task TaskClosedAsync(TaskClosing closing, CancellationToken cancellationToken);
}
