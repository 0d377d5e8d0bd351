using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.RegularExpressions;
using Npgsql;

namespace ChatReport.Bot.Storage.Connections;

/// <summary>
/// What the two engines read differently, decided by the connection at hand, like the type
/// handlers, so a process holding both engines (tests, an export) gets each right.
/// </summary>
public static partial class SqlDialect
{
    private static readonly ConcurrentDictionary<string, string> ForPostgreSql = new(StringComparer.Ordinal);

    /// <summary>Picks between the two texts of a statement kept side by side in the store that runs it (<c>X</c> and <c>XPostgreSql</c>).</summary>
    public static string Pick(DbConnection connection, string sqlite, string postgreSql) =>
        connection is NpgsqlConnection ? postgreSql : sqlite;

    /// <summary>
    /// A statement with list parameters, written once: Dapper expands <c>IN @Ids</c> into
    /// <c>IN (@Ids1, @Ids2…)</c> for SQLite but hands Npgsql the list as one array parameter,
    /// which PostgreSQL reads as <c>= ANY(@Ids)</c> (and <c>NOT IN</c> as <c>&lt;&gt; ALL(@Ids)</c>).
    /// </summary>
    public static string Lists(DbConnection connection, string sql) =>
        connection is NpgsqlConnection
            ? ForPostgreSql.GetOrAdd(sql, static text => AnyIn().Replace(NotIn().Replace(text, "<> ALL(@$1)"), "= ANY(@$1)"))
            : sql;

    [GeneratedRegex(@"\bNOT IN @(\w+)")]
    private static partial Regex NotIn();

    [GeneratedRegex(@"\bIN @(\w+)")]
    private static partial Regex AnyIn();
}
