namespace ChatReport.Bot.Backups;

/// <summary>What a restore put in place, and where the database it replaced went (null when there was none).</summary>
public sealed record RestoreResult(BackupResult Restored, string? PreviousSavedAt);
