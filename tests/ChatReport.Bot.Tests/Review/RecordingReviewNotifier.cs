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

    public ConcurrentQueue<(ClaimChange Change, PointRule From, PointRule To)> RuleChanges { get; } = new();

    public Task RuleChangedAsync(ClaimChange change, PointRule previous, PointRule chosen, CancellationToken cancellationToken)
    {
        RuleChanges.Enqueue((change, previous, chosen));
        return Task.CompletedTask;
    }
}
