namespace ChatReport.Bot.Backups;

/// <summary>A finished, checked copy of the database.</summary>
public sealed record BackupResult(string Path, int SchemaVersion, long Bytes, long LedgerEntries);
