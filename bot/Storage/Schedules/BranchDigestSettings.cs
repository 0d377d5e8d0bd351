namespace ChatReport.Bot.Storage.Schedules;

/// <summary>
/// A branch's own digest settings. A null value means "as configured" (<c>Digest:</c> settings).
/// </summary>
public sealed record BranchDigestSettings(
    long UnitId,
    string? Schedule = null,
    string? TimeZone = null,
    bool? SkipEmptyDays = null,
    bool? PublishDeductions = null);
