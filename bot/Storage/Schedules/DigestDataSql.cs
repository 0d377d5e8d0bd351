using ChatReport.Bot.Storage.Connections;

namespace ChatReport.Bot.Storage.Schedules;

/// <summary>
/// The digest reader's SQL per engine. The queries are the same text; only the temporary table
/// differs: SQLite's lives in <c>temp</c> and stores instants and days as text, PostgreSQL's in
/// <c>pg_temp</c> with timestamptz and date columns (text would not compare with the ledger's).
/// </summary>
internal sealed record DigestDataSql(
    string CreateDue,
    string InsertDue,
    string DropDue,
    string News,
    string Leaders,
    string Pending,
    string Tasks,
    string Days,
    string Rankings)
{
    private const string PostgreSqlCreateDue = """
        DROP TABLE IF EXISTS pg_temp.digest_due;
        CREATE TEMP TABLE digest_due (
            unit_id       bigint PRIMARY KEY,
            window_start  timestamptz NOT NULL,
            window_end    timestamptz NOT NULL,
            cycle_id      bigint,
            quarter       integer,
            month_first   date,
            month_last    date,
            month_from    timestamptz
        );
        """;

    public static DigestDataSql Sqlite { get; } = new(
        DigestDataReader.CreateDue,
        DigestDataReader.InsertDue,
        DigestDataReader.DropDue,
        DigestDataReader.News,
        DigestDataReader.Leaders,
        DigestDataReader.Pending,
        DigestDataReader.Tasks,
        DigestDataReader.Days,
        DigestDataReader.Rankings);

    public static DigestDataSql PostgreSql { get; } = new(
        PostgreSqlCreateDue,
        InPgTemp(DigestDataReader.InsertDue),
        InPgTemp(DigestDataReader.DropDue),
        InPgTemp(DigestDataReader.News),
        InPgTemp(DigestDataReader.Leaders),
        InPgTemp(DigestDataReader.Pending),
        InPgTemp(DigestDataReader.Tasks),
        InPgTemp(DigestDataReader.Days),
        InPgTemp(DigestDataReader.Rankings));

    public static DigestDataSql For(StorageProvider provider) => provider == StorageProvider.PostgreSql ? PostgreSql : Sqlite;

    private static string InPgTemp(string sql) => sql.Replace("temp.digest_due", "pg_temp.digest_due", StringComparison.Ordinal);
}
