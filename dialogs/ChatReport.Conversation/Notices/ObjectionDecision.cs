namespace ChatReport.Conversation.Notices;

/// <summary>
/// 异议成立 7 [-5] 原因 / 异议驳回 7 原因: a reviewer resolves an objection. Upholding an objection
/// to an item reverses that item unless <paramref name="Points"/> says otherwise; upholding one
/// to a member's line needs the points to add (or, negative, to take away).
/// </summary>
/// <param name="ObjectionId">The objection.</param>
/// <param name="ReviewerId">Who decides (a reviewer of the branch, never the member concerned).</param>
/// <param name="Uphold">True to uphold, false to dismiss.</param>
/// <param name="Points">The correction's points, when upheld.</param>
/// <param name="Reason">Why; the objector is told.</param>
public sealed record ObjectionDecision(long ObjectionId, long ReviewerId, bool Uphold, int? Points, string Reason);
