using Microsoft.Data.Sqlite;

namespace ChatReport.Bot.Storage;

internal static class SqliteWrites
{
    /// <summary>
    /// Runs <paramref name="work"/> in its own connection and a non-deferred transaction
    /// (BEGIN IMMEDIATE): the write lock is taken before the first read, so a read-then-write
    /// never fails half-way with "database is locked", and two writers are serialised by the
    /// busy timeout. Work that refuses must do so before it writes; the transaction commits.
    /// </summary>
    public static async Task<T> WriteAsync<T>(
        this SqliteConnectionFactory connections,
        Func<SqliteConnection, SqliteTransaction, Task<T>> work,
        CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var result = await work(connection, transaction);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}
