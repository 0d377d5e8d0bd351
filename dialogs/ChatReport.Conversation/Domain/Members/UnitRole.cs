namespace ChatReport.Conversation.Domain;

/// <summary>A role a member holds in a unit.</summary>
/// <param name="UnitId">The unit.</param>
/// <param name="MemberId">The member.</param>
/// <param name="Role">The role.</param>
/// <param name="CanReview">Whether a committee member may review claims (secretaries always may).</param>
/// <param name="GrantedBy">Who granted it; null when granted by configuration or the command line.</param>
/// <param name="GrantedAt">When it was granted.</param>
public sealed record UnitRole(long UnitId, long MemberId, Role Role, bool CanReview, long? GrantedBy, DateTimeOffset GrantedAt);
