namespace ChatReport.Conversation.Domain;

/// <summary>Members' claims: registering, looking up, withdrawing and reviewing them.</summary>
public interface IClaimBook
{
    /// <summary>
    /// Registers a claim, keyed on its source activity: a redelivery of the same activity
    /// returns the claim made the first time (<see cref="ClaimSubmissionStatus.AlreadySubmitted"/>).
    /// The claim is booked to the member's current branch and the cycle of its day, under the
    /// rule's current version. When the request carries a <see cref="ClaimRequest.Cap"/>, the
    /// member's usage is counted inside the same write transaction, so two claims racing cannot
    /// together exceed it (<see cref="ClaimSubmissionStatus.CapExceeded"/>).
    /// </summary>
    /// <param name="request">The claim.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How it ended, with the claim.</returns>
    /// <exception cref="ArgumentException">The description is empty or the points are outside 0–1000.</exception>
    Task<ClaimSubmission> SubmitAsync(ClaimRequest request, CancellationToken cancellationToken);

    /// <summary>A claim by number, with its attachments.</summary>
    /// <param name="claimId">The claim number.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The claim, or null.</returns>
    Task<Claim?> GetAsync(long claimId, CancellationToken cancellationToken);

    /// <summary>A branch's pending claims, oldest first.</summary>
    /// <param name="unitId">The branch.</param>
    /// <param name="submittedBefore">Only claims registered before this instant (for reminders); null for all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The pending claims.</returns>
    Task<IReadOnlyList<Claim>> ListPendingAsync(long unitId, DateTimeOffset? submittedBefore, CancellationToken cancellationToken);

    /// <summary>The branches that have claims pending since before an instant (for reminders).</summary>
    /// <param name="submittedBefore">Claims registered before this instant count.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The branches' ids, ascending.</returns>
    Task<IReadOnlyList<long>> ListUnitsWithPendingAsync(DateTimeOffset submittedBefore, CancellationToken cancellationToken);

    /// <summary>How many claims of a branch are pending.</summary>
    /// <param name="unitId">The branch.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The count.</returns>
    Task<int> CountPendingAsync(long unitId, CancellationToken cancellationToken);

    /// <summary>A member's claims in a cycle, newest deed first.</summary>
    /// <param name="memberId">The member.</param>
    /// <param name="cycleId">The cycle.</param>
    /// <param name="status">Only claims with this status; null for all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The claims.</returns>
    Task<IReadOnlyList<Claim>> ListForMemberAsync(long memberId, long cycleId, ClaimStatus? status, CancellationToken cancellationToken);

    /// <summary>A member's pending and approved claims under a rule for one day, to warn about a second claim of the same deed.</summary>
    /// <param name="memberId">The member.</param>
    /// <param name="ruleId">The rule.</param>
    /// <param name="day">The local day of the deed.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The claims found.</returns>
    Task<IReadOnlyList<Claim>> FindSameDayAsync(long memberId, long ruleId, DateOnly day, CancellationToken cancellationToken);

    /// <summary>What a member has been awarded, and has pending, under a rule for deeds in a period: the data for a cap check.</summary>
    /// <param name="memberId">The member.</param>
    /// <param name="ruleId">The rule.</param>
    /// <param name="period">The days to count (see <see cref="Cycle.PeriodContaining"/>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The points awarded and pending.</returns>
    Task<RuleUsage> GetRuleUsageAsync(long memberId, long ruleId, DateRange period, CancellationToken cancellationToken);

    /// <summary>Withdraws a member's own pending claim.</summary>
    /// <param name="claimId">The claim.</param>
    /// <param name="memberId">The member asking; must be the claimant.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How it ended; a claim already decided reports who decided it.</returns>
    Task<ClaimChange> WithdrawAsync(long claimId, long memberId, CancellationToken cancellationToken);

    /// <summary>
    /// Decides a pending claim. Exactly one decision wins, however many reviewers decide at once:
    /// the others get <see cref="ClaimChangeStatus.NoLongerPending"/> naming who decided first.
    /// An approval writes exactly one ledger entry and the audit record in the same transaction;
    /// when the deed's quarter is already signed off, the award is booked into the next open one.
    /// </summary>
    /// <param name="request">The decision.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How it ended.</returns>
    /// <exception cref="ArgumentException">A rejection or adjustment without a reason, or adjusted points outside 0–1000.</exception>
    Task<ClaimChange> DecideAsync(ReviewRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Moves a pending claim to another rule, with the points <paramref name="request"/> gives, and
    /// records its words for the new rule in the claim's branch; with the audit record, in one
    /// transaction. Only a reviewer of the claim's branch may, never on their own claim; a claim
    /// decided meanwhile is <see cref="ClaimChangeStatus.NoLongerPending"/>.
    /// </summary>
    /// <param name="request">The change.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How it ended, with the claim as it now stands; <see cref="ClaimChangeStatus.NotFound"/> also when the rule is not an active bonus rule.</returns>
    /// <exception cref="ArgumentException">Points outside 0–1000.</exception>
    Task<ClaimChange> ChangeRuleAsync(RuleChangeRequest request, CancellationToken cancellationToken);
}
