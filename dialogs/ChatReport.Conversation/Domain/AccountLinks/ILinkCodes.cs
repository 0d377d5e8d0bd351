namespace ChatReport.Conversation.Domain;

/// <summary>
/// One-time codes that link a further channel account to a member. The code is issued on an
/// account the member already uses (绑定) and typed on the new one (绑定 123456), so only someone
/// holding a linked account can add another: knowing a member's name is not enough.
/// </summary>
public interface ILinkCodes
{
    /// <summary>How long an issued code works.</summary>
    static TimeSpan Lifetime { get; } = TimeSpan.FromMinutes(10);

    /// <summary>How many wrong codes one account may send before it must wait.</summary>
    const int MaxFailures = 5;

    /// <summary>How long an account that sent too many wrong codes must wait, counted from its first wrong code.</summary>
    static TimeSpan FailureWindow { get; } = TimeSpan.FromMinutes(15);

    /// <summary>Issues a new six-digit code for an active member, replacing any code of theirs not used yet. Valid for <see cref="Lifetime"/>.</summary>
    /// <param name="memberId">The member, as identified by an account already linked.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The code, or null when the member is unknown or inactive.</returns>
    Task<LinkCode?> IssueAsync(long memberId, CancellationToken cancellationToken);

    /// <summary>
    /// Links the account to the member who issued <paramref name="code"/>, in one transaction, and
    /// uses the code up. Wrong and expired codes count against the account; after
    /// <see cref="MaxFailures"/> within <see cref="FailureWindow"/> every attempt is refused until
    /// the window has passed. An account that already belongs to a member changes nothing.
    /// </summary>
    /// <param name="code">The code as typed.</param>
    /// <param name="channelId">The new account's channel.</param>
    /// <param name="userId">The new account's user id.</param>
    /// <param name="userName">The name the channel gave, if any.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How it ended, with the member when linked or already linked.</returns>
    Task<LinkRedemption> RedeemAsync(string code, string channelId, string userId, string? userName, CancellationToken cancellationToken);
}
