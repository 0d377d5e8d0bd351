namespace ChatReport.Conversation.Notices;

/// <summary>What the secretary is asked to confirm before signing a notice off.</summary>
/// <param name="UnitName">The branch.</param>
/// <param name="Quarter">The quarter.</param>
/// <param name="HasEnded">Whether the quarter is over in the cycles' time zone, so it can be signed off.</param>
/// <param name="MemberCount">How many members the notice lists.</param>
/// <param name="SignedByName">Who signed it off already, or null while it is open.</param>
/// <param name="SignedAt">When, or null.</param>
public sealed record NoticePreview(string UnitName, QuarterId Quarter, bool HasEnded, int MemberCount, string? SignedByName, DateTimeOffset? SignedAt);
