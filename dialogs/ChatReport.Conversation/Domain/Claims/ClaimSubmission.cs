namespace ChatReport.Conversation.Domain;

/// <summary>The outcome of <see cref="IClaimBook.SubmitAsync"/>.</summary>
/// <param name="Status">How it ended.</param>
/// <param name="Claim">The claim, for <see cref="ClaimSubmissionStatus.Created"/> and <see cref="ClaimSubmissionStatus.AlreadySubmitted"/>.</param>
/// <param name="CapRemaining">For <see cref="ClaimSubmissionStatus.CapExceeded"/>: the points the cap still allows (0 when none).</param>
public sealed record ClaimSubmission(ClaimSubmissionStatus Status, Claim? Claim, int? CapRemaining = null);
