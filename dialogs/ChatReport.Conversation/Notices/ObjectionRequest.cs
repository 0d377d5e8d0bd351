using ChatReport.Conversation.Domain;

namespace ChatReport.Conversation.Notices;

/// <summary>异议 张三 原因 / 异议 #12 原因: a member objects to a line or an item of the notice being published.</summary>
/// <param name="ObjectorId">Who objects (a member of the branch).</param>
/// <param name="MemberName">The member objected to, by name; null when an item is named.</param>
/// <param name="EntryId">The ledger entry objected to; null for the member's line.</param>
/// <param name="Reason">Why.</param>
/// <param name="Source">The message that filed it, so that a redelivery files it once.</param>
public sealed record ObjectionRequest(long ObjectorId, string? MemberName, long? EntryId, string Reason, ActivityKey? Source);
