namespace ChatReport.Conversation.Domain;

/// <summary>Service tasks a branch posts, members sign up for, and reviewers confirm.</summary>
public interface IServiceTasks
{
    /// <summary>Posts a task.</summary>
    /// <param name="task">The task.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new task.</returns>
    /// <exception cref="ArgumentException">An empty title, points outside 0–1000 or places below 1.</exception>
    Task<ServiceTask> PostAsync(NewServiceTask task, CancellationToken cancellationToken);

    /// <summary>A task by number.</summary>
    /// <param name="taskId">The task number.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The task, or null.</returns>
    Task<ServiceTask?> GetAsync(long taskId, CancellationToken cancellationToken);

    /// <summary>A branch's open tasks, soonest first.</summary>
    /// <param name="unitId">The branch.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The open tasks.</returns>
    Task<IReadOnlyList<ServiceTask>> ListOpenAsync(long unitId, CancellationToken cancellationToken);

    /// <summary>Signs a member of the task's branch up, unless all places are taken.</summary>
    /// <param name="taskId">The task.</param>
    /// <param name="memberId">The member.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How it ended.</returns>
    Task<SignUpStatus> SignUpAsync(long taskId, long memberId, CancellationToken cancellationToken);

    /// <summary>Takes a member off an open task.</summary>
    /// <param name="taskId">The task.</param>
    /// <param name="memberId">The member.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>False when they were not signed up or the task is closed.</returns>
    Task<bool> CancelSignUpAsync(long taskId, long memberId, CancellationToken cancellationToken);

    /// <summary>Who signed up for a task, in order of signing up.</summary>
    /// <param name="taskId">The task.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The sign-ups.</returns>
    Task<IReadOnlyList<TaskSignup>> ListSignUpsAsync(long taskId, CancellationToken cancellationToken);

    /// <summary>
    /// Completes a task after the event: marks who took part (people who turned up without
    /// signing up are added) and awards each participant the task's points, all in one
    /// transaction. Each participant is awarded at most once, however often this is called.
    /// </summary>
    /// <param name="taskId">The task.</param>
    /// <param name="reviewerId">A reviewer of the task's branch.</param>
    /// <param name="participantIds">The members who took part (active members of the branch).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How it ended, with the awards to announce.</returns>
    Task<TaskClosing> CompleteAsync(long taskId, long reviewerId, IReadOnlyCollection<long> participantIds, CancellationToken cancellationToken);

    /// <summary>Cancels an open task.</summary>
    /// <param name="taskId">The task.</param>
    /// <param name="reviewerId">A reviewer of the task's branch.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How it ended, with the sign-ups to tell.</returns>
    Task<TaskClosing> CancelAsync(long taskId, long reviewerId, CancellationToken cancellationToken);
}
