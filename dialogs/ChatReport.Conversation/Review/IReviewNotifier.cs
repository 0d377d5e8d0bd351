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

    /// <summary>Tells the member a reviewer moved their pending claim to another rule, and its points now.</summary>
    /// <param name="change">The change that was made (<see cref="ClaimChangeStatus.Done"/>), with the claim under its new rule.</param>
    /// <param name="previous">The rule the member had claimed.</param>
    /// <param name="chosen">The rule the reviewer chose.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the member was tried.</returns>
    Task RuleChangedAsync(ClaimChange change, PointRule previous, PointRule chosen, CancellationToken cancellationToken);
}
