namespace ChatReport.Conversation.Notices;

/// <summary>What 异议 was given: a member's name or an item's number, and the reason.</summary>
/// <param name="MemberName">The member objected to, or null.</param>
/// <param name="EntryId">The notice item objected to, or null.</param>
/// <param name="Reason">Why, or null when missing.</param>
public sealed record ObjectOptions(string? MemberName, long? EntryId, string? Reason);
