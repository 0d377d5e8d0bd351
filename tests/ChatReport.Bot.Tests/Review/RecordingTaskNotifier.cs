using System.Collections.Concurrent;
using ChatReport.Conversation.Domain;
using ChatReport.Conversation.Tasks;

namespace ChatReport.Bot.Tests.Review;

public sealed class RecordingTaskNotifier : ITaskNotifier
{
    public ConcurrentQueue<ServiceTask> Posted { get; } = new();

    public ConcurrentQueue<TaskClosing> Closed { get; } = new();

    public Task<int> TaskPostedAsync(ServiceTask task, CancellationToken cancellationToken)
    {
        Posted.Enqueue(task);
        return Task.FromResult(1);
    }

    public Task TaskClosedAsync(TaskClosing closing, CancellationToken cancellationToken)
    {
        Closed.Enqueue(closing);
        return Task.CompletedTask;
    }
}
