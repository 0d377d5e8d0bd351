namespace ChatReport.Bot.Digests;

/// <summary>One deed approved (or deduction recorded): who, what, points (negative for deductions).</summary>
public sealed record DigestLine(string MemberName, LocalizedName What, int Points);
