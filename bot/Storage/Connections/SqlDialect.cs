using System.Data.Common;
using Npgsql;

namespace ChatReport.Bot.Storage.Connections;

/// <summary>
/// Picks between the two texts of a statement the engines read differently, kept side by side in
/// the store that runs it (<c>X</c> and <c>XPostgreSql</c>). Decided by the connection at hand,
/// like the type handlers, so a process holding both engines (tests, an export) gets each right.
/// </summary>
/// <remarks>
/// The usual reason is a list parameter: Dapper expands <c>IN @Ids</c> into
/// <c>IN (@Ids1, @Ids2…)</c> for SQLite but hands Npgsql the list as one array parameter, which
/// PostgreSQL reads as <c>= ANY(@Ids)</c> (and <c>NOT IN</c> as <c>&lt;&gt; ALL(@Ids)</c>).
/// </remarks>
public static class SqlDialect
{
    public static string Pick(DbConnection connection, string sqlite, string postgreSql) =>
        connection is NpgsqlConnection ? postgreSql : sqlite;
}
