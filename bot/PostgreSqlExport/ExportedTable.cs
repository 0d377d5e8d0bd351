namespace ChatReport.Bot.PostgreSqlExport;

/// <summary>One table as copied: its rows (the same count on both sides) and how long the copy took.</summary>
public sealed record ExportedTable(string Name, long Rows, TimeSpan Elapsed);
