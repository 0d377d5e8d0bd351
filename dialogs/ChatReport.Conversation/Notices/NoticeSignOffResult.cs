namespace ChatReport.Conversation.Notices;

/// <summary>The outcome of <see cref="INoticeDesk.SignOffAsync"/>.</summary>
/// <param name="Status">How it ended.</param>
/// <param name="SignedByName">Who signed it off (now or before), when it is signed off.</param>
/// <param name="SignedAt">When it was signed off.</param>
/// <param name="GroupsPosted">How many of the branch's groups received the notice now.</param>
public sealed record NoticeSignOffResult(NoticeSignOffStatus Status, string? SignedByName = null, DateTimeOffset? SignedAt = null, int GroupsPosted = 0);
