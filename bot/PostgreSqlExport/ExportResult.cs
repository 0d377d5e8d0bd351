namespace ChatReport.Bot.PostgreSqlExport;

/// <summary>A committed export: where from and to, each table copied in the order it was copied, and the ledger totals both sides agree on.</summary>
public sealed record ExportResult(string Source, int SchemaVersion, string Target, IReadOnlyList<ExportedTable> Tables, LedgerTotals Ledger, TimeSpan Elapsed);
