namespace ChatReport.Bot.Digests;

/// <summary>One of the quarter's top three (ties share a rank: 1, 2, 2).</summary>
public sealed record DigestLeader(int Rank, string MemberName, int Points);
