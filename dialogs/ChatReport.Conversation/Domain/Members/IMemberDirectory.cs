namespace ChatReport.Conversation.Domain;

/// <summary>Members, the channel accounts they use, and the roles they hold.</summary>
public interface IMemberDirectory
{
    /// <summary>The member a channel account belongs to.</summary>
    /// <param name="channelId">The activity's channel id.</param>
    /// <param name="userId">The activity's <c>from.id</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The member (active or not), or null for a stranger.</returns>
    Task<Member?> FindByAccountAsync(string channelId, string userId, CancellationToken cancellationToken);

    /// <summary>A member by number.</summary>
    /// <param name="memberId">The member's number.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The member, or null.</returns>
    Task<Member?> GetAsync(long memberId, CancellationToken cancellationToken);

    /// <summary>The active members of a unit, by name.</summary>
    /// <param name="unitId">The unit.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Its active members.</returns>
    Task<IReadOnlyList<Member>> ListMembersAsync(long unitId, CancellationToken cancellationToken);

    /// <summary>
    /// Joins a unit with a code, in one transaction: checks the code (unknown, revoked, expired,
    /// used up), links the account to a new member (or to the one unlinked active roster entry
    /// of that unit with exactly the confirmed name), counts the use and grants the open cycle's
    /// base points. An account that already belongs to a member gets <see cref="JoinStatus.AlreadyMember"/>
    /// and uses nothing, so a redelivered join is harmless.
    /// </summary>
    /// <param name="request">The code, the account and the confirmed name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How it ended.</returns>
    Task<JoinResult> JoinAsync(JoinRequest request, CancellationToken cancellationToken);

    /// <summary>Adds a member to a unit without a channel account (roster import, administrators); grants the open cycle's base points.</summary>
    /// <param name="unitId">The unit.</param>
    /// <param name="displayName">The member's name.</param>
    /// <param name="actorId">Who added them, or null for the command line.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new member.</returns>
    /// <exception cref="ArgumentException">The name is empty or the unit does not exist.</exception>
    Task<Member> AddMemberAsync(long unitId, string displayName, long? actorId, CancellationToken cancellationToken);

    /// <summary>Links another channel account to a member.</summary>
    /// <param name="memberId">The member.</param>
    /// <param name="channelId">The account's channel.</param>
    /// <param name="userId">The account's user id.</param>
    /// <param name="userName">The name the channel gave, if any.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How it ended; an account never moves from one member to another silently.</returns>
    Task<AccountLinkStatus> LinkAccountAsync(long memberId, string channelId, string userId, string? userName, CancellationToken cancellationToken);

    /// <summary>The channel accounts of a member.</summary>
    /// <param name="memberId">The member.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The accounts, oldest first.</returns>
    Task<IReadOnlyList<ChannelAccountLink>> ListAccountsAsync(long memberId, CancellationToken cancellationToken);

    /// <summary>Moves a member to another unit. Their ledger stays where it was booked; roles elsewhere stay until revoked.</summary>
    /// <param name="memberId">The member.</param>
    /// <param name="unitId">The new unit.</param>
    /// <param name="actorId">The administrator.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The member after the move, or null when the member or the unit does not exist.</returns>
    Task<Member?> MoveMemberAsync(long memberId, long unitId, long? actorId, CancellationToken cancellationToken);

    /// <summary>Deactivates or reactivates a member. Their history stays.</summary>
    /// <param name="memberId">The member.</param>
    /// <param name="isActive">The new state.</param>
    /// <param name="actorId">The administrator.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The member after the change, or null when there is no such member.</returns>
    Task<Member?> SetActiveAsync(long memberId, bool isActive, long? actorId, CancellationToken cancellationToken);

    /// <summary>The roles a member holds, in any unit.</summary>
    /// <param name="memberId">The member.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The roles.</returns>
    Task<IReadOnlyList<UnitRole>> GetRolesAsync(long memberId, CancellationToken cancellationToken);

    /// <summary>Grants a role, or changes <paramref name="canReview"/> of a role already held. Audited.</summary>
    /// <param name="unitId">The unit.</param>
    /// <param name="memberId">The member.</param>
    /// <param name="role">The role.</param>
    /// <param name="canReview">For committee members: whether they may review claims. Secretaries always may.</param>
    /// <param name="grantedBy">Who granted it, or null for configuration and the command line.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The role as it now stands.</returns>
    Task<UnitRole> GrantRoleAsync(long unitId, long memberId, Role role, bool canReview, long? grantedBy, CancellationToken cancellationToken);

    /// <summary>Takes a role away. Audited.</summary>
    /// <param name="unitId">The unit.</param>
    /// <param name="memberId">The member.</param>
    /// <param name="role">The role.</param>
    /// <param name="revokedBy">Who took it away.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>False when the member did not hold it.</returns>
    Task<bool> RevokeRoleAsync(long unitId, long memberId, Role role, long? revokedBy, CancellationToken cancellationToken);

    /// <summary>The active members who review a unit's claims: its secretaries, and committee members allowed to review.</summary>
    /// <param name="unitId">The unit.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The reviewers, by name.</returns>
    Task<IReadOnlyList<Member>> ListReviewersAsync(long unitId, CancellationToken cancellationToken);

    /// <summary>Whether a member reviews a unit's claims.</summary>
    /// <param name="memberId">The member.</param>
    /// <param name="unitId">The unit.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>True for an active secretary, or committee member allowed to review, of that unit.</returns>
    Task<bool> CanReviewAsync(long memberId, long unitId, CancellationToken cancellationToken);

    /// <summary>Whether a member administers a unit: holds the administrator role on it or on any unit above it.</summary>
    /// <param name="memberId">The member.</param>
    /// <param name="unitId">The unit.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>True for an active administrator of the unit's subtree.</returns>
    Task<bool> IsAdministratorOfAsync(long memberId, long unitId, CancellationToken cancellationToken);
}
