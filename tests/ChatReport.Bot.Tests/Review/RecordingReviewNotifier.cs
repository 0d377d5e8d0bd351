using System.Collections.Concurrent;
using ChatReport.Conversation.Domain;
using ChatReport.Conversation.Review;

namespace ChatReport.Bot.Tests.Review;

public sealed class RecordingReviewNotifier : IReviewNotifier
{
    public ConcurrentQueue<Claim> Submitted { get; } = new();

    public ConcurrentQueue<ClaimChange> Decisions { get; } = new();

    public Task ClaimSubmittedAsync(Claim claim, CancellationToken cancellationToken)
    {
        Submitted.Enqueue(claim);
        return Task.CompletedTask;
    }

    public Task DecisionMadeAsync(ClaimChange change, CancellationToken cancellationToken)
    {
        Decisions.Enqueue(change);
        return Task.CompletedTask;
    }
}
