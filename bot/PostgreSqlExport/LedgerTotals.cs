namespace ChatReport.Bot.PostgreSqlExport;

/// <summary>The ledger as the export checked it: entries, members with an entry, and the sum of every entry's points.</summary>
public sealed record LedgerTotals(long Entries, int Members, long Points);
