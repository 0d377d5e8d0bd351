using Dapper;
using Npgsql;

namespace ChatReport.Bot.PostgreSqlExport;

/// <summary>
/// A foreign key of the target, as its definition. The export lifts them for the copy and puts them
/// back after it, as pg_restore does: checked row by row, each copied row would take a lock on the
/// row it refers to (a ledger entry on its member, unit, cycle, rule, claim); put back, PostgreSQL
/// checks every row of the table in one join, and a row that refers to nothing still fails the export.
/// </summary>
internal sealed record TargetForeignKey(string Table, string Name, string Definition)
{
    private const string ListSql = """
        SELECT cl.relname AS "Table", c.conname AS "Name", pg_get_constraintdef(c.oid) AS "Definition"
        FROM pg_constraint c
        JOIN pg_class cl ON cl.oid = c.conrelid
        WHERE c.contype = 'f' AND cl.relnamespace = current_schema()::regnamespace
        ORDER BY cl.relname, c.conname
        """;

    /// <summary>Drops every foreign key of the schema (in the export's transaction) and returns them for <see cref="RestoreAsync"/>.</summary>
    public static async Task<IReadOnlyList<TargetForeignKey>> LiftAllAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var keys = (await connection.QueryAsync<TargetForeignKey>(new CommandDefinition(ListSql, transaction: transaction, cancellationToken: cancellationToken))).ToList();
        foreach (var key in keys)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                $"ALTER TABLE {TargetTable.Quote(key.Table)} DROP CONSTRAINT {TargetTable.Quote(key.Name)}", transaction: transaction, cancellationToken: cancellationToken));
        }

        return keys;
    }

    public async Task RestoreAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                $"ALTER TABLE {TargetTable.Quote(Table)} ADD CONSTRAINT {TargetTable.Quote(Name)} {Definition}", transaction: transaction, cancellationToken: cancellationToken));
        }
        catch (PostgresException ex)
        {
            throw new ExportException($"A row of {Table} refers to a row that is not there ({ex.MessageText}{(ex.Detail is { } detail ? ": " + detail : string.Empty)}); nothing was kept.", ex);
        }
    }
}
