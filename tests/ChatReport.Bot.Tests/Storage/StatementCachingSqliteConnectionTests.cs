using ChatReport.Bot.Storage.Connections;
using Dapper;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace ChatReport.Bot.Tests.Storage;

/// <summary>
/// The SQLite connections the factory opens keep a statement prepared from its second run on;
/// what a caller sees must not change: parameters, errors, savepoints, nested readers.
/// </summary>
public sealed class StatementCachingSqliteConnectionTests
{
    private const string Select = "SELECT v FROM t WHERE k = @K";
    private const string Insert = "INSERT INTO t (k, v) VALUES (@K, @V)";

    // sqlite3_stmt_status's count of runs begun (SQLITE_STMTSTATUS_RUN in sqlite3.h).
    private const int StatementRuns = 6;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task<(TestDatabase Db, SqliteConnection Connection)> OpenAsync()
    {
        var db = new TestDatabase();
        var connection = await ((SqliteConnectionFactory)db.Connections).OpenSqliteAsync(Token);
        await connection.ExecuteAsync(new CommandDefinition("CREATE TABLE t (k TEXT PRIMARY KEY, v TEXT NOT NULL)", cancellationToken: Token));
        await connection.ExecuteAsync(new CommandDefinition("INSERT INTO t (k, v) VALUES ('a', 'one'), ('b', 'two'), ('c', 'three')", cancellationToken: Token));
        return (db, connection);
    }

    /// <summary>
    /// Runs <see cref="Select"/> for <paramref name="key"/> through a command of the connection, as
    /// Dapper does, and returns the answer, the SQLite statement it ran on and how many runs that
    /// statement has begun, this one included.
    /// </summary>
    private static (string Answer, sqlite3_stmt Statement, int Runs) SelectThroughCommand(SqliteConnection connection, string key)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Select;
        command.Parameters.AddWithValue("@K", key);
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        var statement = reader.Handle!;
        return (reader.GetString(0), statement, raw.sqlite3_stmt_status(statement, StatementRuns, 0));
    }

    [Fact]
    public async Task AStatementRunAgainWithOtherParametersRunsOnOnePreparedStatementAndAnswersForItsOwnParameters()
    {
        var (db, connection) = await OpenAsync();
        using var _ = db;
        await using var __ = connection;

        var answers = new List<string?>();
        foreach (var key in new[] { "a", "b", "c", "b", "nothing" })
        {
            answers.Add(await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(Select, new { K = key }, cancellationToken: Token)));
        }

        Assert.Equal(["one", "two", "three", "two", null], answers);
        // The first run was a plain command, disposed with it; runs two to five and this one share one statement.
        var (answer, _, runs) = SelectThroughCommand(connection, "c");
        Assert.Equal("three", answer);
        Assert.Equal(5, runs);
    }

    [Fact]
    public async Task AFailedRunLeavesThePreparedStatementUsableAndASavepointRollbackUndoesOnlyItsRows()
    {
        var (db, connection) = await OpenAsync();
        using var _ = db;
        await using var __ = connection;

        await connection.ExecuteAsync(new CommandDefinition("BEGIN IMMEDIATE", cancellationToken: Token));
        await connection.ExecuteAsync(new CommandDefinition(Insert, new { K = "d", V = "four" }, cancellationToken: Token));
        await connection.ExecuteAsync(new CommandDefinition("SAVEPOINT unit1", cancellationToken: Token));
        await connection.ExecuteAsync(new CommandDefinition(Insert, new { K = "e", V = "five" }, cancellationToken: Token));
        var duplicate = await Assert.ThrowsAsync<SqliteException>(() =>
            connection.ExecuteAsync(new CommandDefinition(Insert, new { K = "a", V = "again" }, cancellationToken: Token)));
        Assert.Equal(19, duplicate.SqliteErrorCode); // SQLITE_CONSTRAINT
        await connection.ExecuteAsync(new CommandDefinition("ROLLBACK TO unit1", cancellationToken: Token));
        await connection.ExecuteAsync(new CommandDefinition("RELEASE unit1", cancellationToken: Token));
        await connection.ExecuteAsync(new CommandDefinition(Insert, new { K = "f", V = "six" }, cancellationToken: Token));
        await connection.ExecuteAsync(new CommandDefinition("COMMIT", cancellationToken: Token));

        // The insert, run four times, is the one statement that ran more than once.
        Assert.Equal(1, ((StatementCachingSqliteConnection)connection).PreparedCount);
        var rows = await connection.QueryAsync<(string K, string V)>(new CommandDefinition("SELECT k, v FROM t ORDER BY k", cancellationToken: Token));
        Assert.Equal([("a", "one"), ("b", "two"), ("c", "three"), ("d", "four"), ("f", "six")], rows);

    }

    [Fact]
    public async Task AStatementWhoseReaderIsStillOpenIsNotSharedWithTheSameQueryInsideIt()
    {
        var (db, connection) = await OpenAsync();
        using var _ = db;
        await using var __ = connection;
        const string Keys = "SELECT k FROM t WHERE k <> @Skip ORDER BY k";
        await connection.QueryAsync<string>(new CommandDefinition(Keys, new { Skip = "" }, cancellationToken: Token));

        var pairs = new List<string>();
        // Unbuffered: the outer reader stays open while the inner query of the same text runs.
        await foreach (var outer in connection.QueryUnbufferedAsync<string>(Keys, new { Skip = "" }).WithCancellation(Token))
        {
            await foreach (var inner in connection.QueryUnbufferedAsync<string>(Keys, new { Skip = outer }).WithCancellation(Token))
            {
                pairs.Add(outer + inner);
            }
        }

        Assert.Equal(["ab", "ac", "ba", "bc", "ca", "cb"], pairs);
    }

    [Fact]
    public async Task ClosingTheConnectionFinalizesItsPreparedStatementsBeforeItsHandleGoesBackToThePool()
    {
        var (db, connection) = await OpenAsync();
        using var _ = db;
        for (var i = 0; i < 3; i++)
        {
            await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(Select, new { K = "a" }, cancellationToken: Token));
        }

        var (_, statement, runs) = SelectThroughCommand(connection, "a");
        Assert.Equal(3, runs);
        Assert.False(statement.IsClosed);
        await connection.DisposeAsync();

        Assert.True(statement.IsClosed);
        Assert.Equal(0, ((StatementCachingSqliteConnection)connection).PreparedCount);
    }
}
