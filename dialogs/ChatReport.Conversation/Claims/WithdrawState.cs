namespace ChatReport.Conversation.Claims;

/// <summary>The withdraw waterfall's state.</summary>
/// <param name="ClaimId">The claim number once known.</param>
public sealed record WithdrawState(long? ClaimId);
