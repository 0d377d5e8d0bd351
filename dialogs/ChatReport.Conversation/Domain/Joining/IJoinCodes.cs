namespace ChatReport.Conversation.Domain;

/// <summary>Join codes a secretary or administrator hands out; members use them through <see cref="IMemberDirectory.JoinAsync"/>.</summary>
public interface IJoinCodes
{
    /// <summary>Issues a new six-digit code for a unit. Audited.</summary>
    /// <param name="unitId">The unit it joins.</param>
    /// <param name="issuedBy">Who issued it, or null for the command line.</param>
    /// <param name="expiresAt">When it stops working, or null for never.</param>
    /// <param name="maxUses">How many may join with it, or null for no limit.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new code.</returns>
    /// <exception cref="ArgumentException">The unit does not exist or <paramref name="maxUses"/> is not positive.</exception>
    Task<JoinCode> IssueAsync(long unitId, long? issuedBy, DateTimeOffset? expiresAt, int? maxUses, CancellationToken cancellationToken);

    /// <summary>
    /// Issues a one-time personal code for a roster entry: whoever joins with it becomes that
    /// member, with the roles they hold. The branch's code never claims a secretary, committee
    /// member or administrator. Audited.
    /// </summary>
    /// <param name="memberId">The member it is for.</param>
    /// <param name="issuedBy">Who issued it, or null for the command line.</param>
    /// <param name="expiresAt">When it stops working, or null for never.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new code, or null when there is no such active member.</returns>
    Task<JoinCode?> IssuePersonalAsync(long memberId, long? issuedBy, DateTimeOffset? expiresAt, CancellationToken cancellationToken);

    /// <summary>
    /// Checks a code someone typed, counting a wrong one against the account and its channel or
    /// tenant; once either has had too many lately, nothing is looked up until the window passes.
    /// </summary>
    /// <param name="code">The code as typed.</param>
    /// <param name="attempt">Who is trying it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The code when it works now; otherwise only why not, in the coarse terms a guesser may see.</returns>
    Task<JoinCodeCheck> CheckAsync(string code, JoinAttempt attempt, CancellationToken cancellationToken);

    /// <summary>A code by its text.</summary>
    /// <param name="code">The code (surrounding spaces ignored).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The code, usable or not, or null.</returns>
    Task<JoinCode?> GetAsync(string code, CancellationToken cancellationToken);

    /// <summary>The codes of a unit that still work now.</summary>
    /// <param name="unitId">The unit.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Usable codes, newest first.</returns>
    Task<IReadOnlyList<JoinCode>> ListUsableAsync(long unitId, CancellationToken cancellationToken);

    /// <summary>Revokes a code. Audited.</summary>
    /// <param name="code">The code.</param>
    /// <param name="revokedBy">Who revoked it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>False when there is no such code or it was already revoked.</returns>
    Task<bool> RevokeAsync(string code, long? revokedBy, CancellationToken cancellationToken);
}
