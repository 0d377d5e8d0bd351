using ChatReport.Conversation.Domain;

namespace ChatReport.Conversation.Review;

/// <summary>A claim with the names a reviewer needs to judge it.</summary>
/// <param name="Claim">The claim.</param>
/// <param name="MemberName">Who claims.</param>
/// <param name="RuleName">The rule's name in the reader's language.</param>
/// <param name="LocalOccurredAt">When the deed happened, on the reader's wall clock.</param>
public sealed record ClaimView(Claim Claim, string MemberName, string RuleName, DateTimeOffset LocalOccurredAt);
