namespace ChatReport.Conversation.Domain;

/// <summary>The outcome of <see cref="ILinkCodes.RedeemAsync"/>.</summary>
/// <param name="Status">How it ended.</param>
/// <param name="Member">The member the account belongs to, for <see cref="LinkRedemptionStatus.Linked"/> and <see cref="LinkRedemptionStatus.AlreadyMember"/>.</param>
public sealed record LinkRedemption(LinkRedemptionStatus Status, Member? Member);
