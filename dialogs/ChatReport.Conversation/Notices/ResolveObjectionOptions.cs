namespace ChatReport.Conversation.Notices;

/// <summary>What 异议成立 / 异议驳回 was given.</summary>
/// <param name="ObjectionId">The objection's number, or null when missing.</param>
/// <param name="Uphold">True for 异议成立, false for 异议驳回.</param>
/// <param name="Points">The correction's points (upholding only).</param>
/// <param name="Reason">Why, or null when missing.</param>
public sealed record ResolveObjectionOptions(long? ObjectionId, bool Uphold, int? Points, string? Reason);
