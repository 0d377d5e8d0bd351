namespace ChatReport.Bot.Digests;

/// <summary>
/// A branch's own digest settings. A null value means "as configured" (<see cref="DigestOptions"/>).
/// </summary>
public sealed record BranchDigestSettings(
    long UnitId,
    string? Schedule = null,
    string? TimeZone = null,
    bool? SkipEmptyDays = null,
    bool? PublishDeductions = null);
