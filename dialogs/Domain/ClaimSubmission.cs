namespace ChatReport.Dialogs.Domain;

/// <summary>The outcome of <see cref="IClaimBook.SubmitAsync"/>.</summary>
/// <param name="Status">How it ended.</param>
/// <param name="Claim">The claim, for <see cref="ClaimSubmissionStatus.Created"/> and <see cref="ClaimSubmissionStatus.AlreadySubmitted"/>.</param>
public sealed record ClaimSubmission(ClaimSubmissionStatus Status, Claim? Claim);
