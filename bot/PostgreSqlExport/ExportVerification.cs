using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ChatReport.Bot.PostgreSqlExport;

/// <summary>
/// The checks an export must pass before it commits, each side counted by its own engine, never
/// from what the copy thinks it wrote: the rows of every table, and the ledger's points per
/// member and in all (what a branch's notice board and its members' totals come from).
/// </summary>
internal static class ExportVerification
{
    private const string PointsPerMember = "SELECT member_id, sum(points) FROM ledger_entries GROUP BY member_id ORDER BY member_id";

    private const string Ledger = "SELECT count(*), coalesce(sum(points), 0) FROM ledger_entries";

    public static async Task<LedgerTotals> CheckAsync(
        SqliteConnection sqlite,
        SqliteTransaction snapshot,
        NpgsqlConnection postgres,
        NpgsqlTransaction transaction,
        IReadOnlyList<TargetTable> tables,
        CancellationToken cancellationToken)
    {
        var differences = new List<string>();
        foreach (var table in tables)
        {
            var count = $"SELECT count(*) FROM {table.Quoted}";
            var inSqlite = await sqlite.ExecuteScalarAsync<long>(new CommandDefinition(count, transaction: snapshot, cancellationToken: cancellationToken));
            var inPostgres = await postgres.ExecuteScalarAsync<long>(new CommandDefinition(count, transaction: transaction, cancellationToken: cancellationToken));
            if (inSqlite != inPostgres)
            {
                differences.Add(string.Create(CultureInfo.InvariantCulture, $"{table.Name} has {inSqlite} rows in SQLite but {inPostgres} in PostgreSQL"));
            }
        }

        var sqlitePoints = (await sqlite.QueryAsync<(long Member, long Points)>(new CommandDefinition(PointsPerMember, transaction: snapshot, cancellationToken: cancellationToken))).ToList();
        var postgresPoints = (await postgres.QueryAsync<(long Member, long Points)>(new CommandDefinition(PointsPerMember, transaction: transaction, cancellationToken: cancellationToken)))
            .ToDictionary(p => p.Member, p => p.Points);
        foreach (var (member, points) in sqlitePoints)
        {
            var copied = postgresPoints.Remove(member, out var found) ? found : (long?)null;
            if (copied != points)
            {
                differences.Add(string.Create(CultureInfo.InvariantCulture, $"member #{member} has {points} points in SQLite but {copied?.ToString(CultureInfo.InvariantCulture) ?? "none"} in PostgreSQL"));
            }
        }

        differences.AddRange(postgresPoints.Select(p => string.Create(CultureInfo.InvariantCulture, $"member #{p.Key} has no points in SQLite but {p.Value} in PostgreSQL")));

        var (entries, total) = await sqlite.QuerySingleAsync<(long, long)>(new CommandDefinition(Ledger, transaction: snapshot, cancellationToken: cancellationToken));
        var (copiedEntries, copiedTotal) = await postgres.QuerySingleAsync<(long, long)>(new CommandDefinition(Ledger, transaction: transaction, cancellationToken: cancellationToken));
        if (total != copiedTotal)
        {
            differences.Add(string.Create(CultureInfo.InvariantCulture, $"the ledger sums to {total} points in SQLite but {copiedTotal} in PostgreSQL"));
        }

        if (entries != copiedEntries && !differences.Any(d => d.StartsWith("ledger_entries ", StringComparison.Ordinal)))
        {
            differences.Add(string.Create(CultureInfo.InvariantCulture, $"the ledger has {entries} entries in SQLite but {copiedEntries} in PostgreSQL"));
        }

        if (differences.Count > 0)
        {
            throw new ExportException(
                $"The copy does not match the source, so it was rolled back and the PostgreSQL database is as empty as before: {string.Join("; ", differences.Take(10))}{(differences.Count > 10 ? "; …" : string.Empty)}.");
        }

        return new LedgerTotals(entries, sqlitePoints.Count, total);
    }
}
