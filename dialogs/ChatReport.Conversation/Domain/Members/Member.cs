namespace ChatReport.Conversation.Domain;

/// <summary>A Party member known to ChatReport.</summary>
/// <param name="Id">The member's number.</param>
/// <param name="UnitId">The branch whose ledger holds the member's points.</param>
/// <param name="DisplayName">The name shown to reviewers and on the public notice.</param>
/// <param name="IsActive">False once an administrator has deactivated the member; their history stays.</param>
/// <param name="JoinedAt">When the member was added or joined.</param>
public sealed record Member(long Id, long UnitId, string DisplayName, bool IsActive, DateTimeOffset JoinedAt);
