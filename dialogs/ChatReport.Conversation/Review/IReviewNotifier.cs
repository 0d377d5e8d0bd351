using ChatReport.Conversation.Domain;

namespace ChatReport.Conversation.Review;

/// <summary>
/// Tells people about claims outside the conversation they are in: reviewers about a new claim,
/// the member about the decision. Delivery problems are logged, never thrown: the claim or the
/// decision is already saved and must not look failed because a message could not be sent.
/// </summary>
public interface IReviewNotifier
{
    /// <summary>Sends every reviewer of the claim's branch (but the claimant) a card to decide it.</summary>
    /// <param name="claim">The claim just registered.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when every reviewer was tried.</returns>
    Task ClaimSubmittedAsync(Claim claim, CancellationToken cancellationToken);

    /// <summary>Tells the member what became of their claim, with the reason when rejected or changed.</summary>
    /// <param name="change">A decision that was made (<see cref="ClaimChangeStatus.Done"/>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the member was tried.</returns>
    Task DecisionMadeAsync(ClaimChange change, CancellationToken cancellationToken);
}
