namespace ChatReport.Conversation.Claims;

/// <summary>How a withdrawal begins: with the claim number typed after 撤回, if any.</summary>
/// <param name="ClaimId">The claim number, or null to ask.</param>
public sealed record WithdrawOptions(long? ClaimId);
