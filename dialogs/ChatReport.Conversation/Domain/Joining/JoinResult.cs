namespace ChatReport.Conversation.Domain;

/// <summary>The outcome of <see cref="IMemberDirectory.JoinAsync"/>.</summary>
/// <param name="Status">How it ended.</param>
/// <param name="Member">The member the account belongs to (for <see cref="JoinStatus.Joined"/> and <see cref="JoinStatus.AlreadyMember"/>).</param>
/// <param name="Unit">The member's unit, when there is a member.</param>
/// <param name="IsNewMember">True when a new member was created; false when a roster entry was claimed or nothing changed.</param>
public sealed record JoinResult(JoinStatus Status, Member? Member, OrgUnit? Unit, bool IsNewMember);
