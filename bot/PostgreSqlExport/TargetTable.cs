using Dapper;
using Npgsql;

namespace ChatReport.Bot.PostgreSqlExport;

/// <summary>
/// A table of the migrated PostgreSQL database, with its columns in their order and their types,
/// read from the server's catalog rather than listed by hand: a schema step added later is exported
/// without touching the export.
/// </summary>
internal sealed record TargetTable(string Name, IReadOnlyList<TargetColumn> Columns)
{
    /// <summary>The types the SQLite schema has a counterpart for (see the PostgreSQL baseline, 0001).</summary>
    internal static readonly IReadOnlySet<string> KnownTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "bigint", "integer", "boolean", "text", "timestamp with time zone", "date", "bytea",
    };

    private const string ColumnsSql = """
        SELECT c.table_name AS "Table", c.column_name AS "Column", c.data_type AS "Type", c.is_identity = 'YES' AS "IsIdentity"
        FROM information_schema.columns c
        JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
        WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
        ORDER BY c.table_name, c.ordinal_position
        """;

    private const string ReferencesSql = """
        SELECT DISTINCT child.relname AS "Child", parent.relname AS "Parent"
        FROM pg_constraint c
        JOIN pg_class child ON child.oid = c.conrelid
        JOIN pg_class parent ON parent.oid = c.confrelid
        WHERE c.contype = 'f' AND child.relnamespace = current_schema()::regnamespace
        """;

    /// <summary>
    /// Every table, each after the tables its foreign keys point at (a table pointing at itself,
    /// as the ledger's reversals do, is copied in id order, so the row pointed at comes first).
    /// </summary>
    public static async Task<IReadOnlyList<TargetTable>> ReadInCopyOrderAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var columns = await connection.QueryAsync<(string Table, string Column, string Type, bool IsIdentity)>(new CommandDefinition(
            ColumnsSql, transaction: transaction, cancellationToken: cancellationToken));
        var tables = columns
            .GroupBy(c => c.Table, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new TargetTable(g.Key, [.. g.Select(c => new TargetColumn(c.Column, c.Type, c.IsIdentity))]), StringComparer.Ordinal);
        var parents = (await connection.QueryAsync<(string Child, string Parent)>(new CommandDefinition(
                ReferencesSql, transaction: transaction, cancellationToken: cancellationToken)))
            .Where(r => !string.Equals(r.Child, r.Parent, StringComparison.Ordinal))
            .ToLookup(r => r.Child, r => r.Parent, StringComparer.Ordinal);

        var ordered = new List<TargetTable>();
        var placed = new HashSet<string>(StringComparer.Ordinal);
        var waiting = tables.Keys.Order(StringComparer.Ordinal).ToList();
        while (waiting.Count > 0)
        {
            var ready = waiting.Where(t => parents[t].All(placed.Contains)).ToList();
            if (ready.Count == 0)
            {
                throw new ExportException(
                    $"The PostgreSQL tables {string.Join(", ", waiting)} refer to each other in a circle; the export cannot order them.");
            }

            foreach (var name in ready)
            {
                ordered.Add(tables[name]);
                placed.Add(name);
                waiting.Remove(name);
            }
        }

        return ordered;
    }

    public string Quoted => Quote(Name);

    public string ColumnList => string.Join(", ", Columns.Select(c => Quote(c.Name)));

    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
