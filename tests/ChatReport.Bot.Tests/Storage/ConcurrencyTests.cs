using Dapper;
using Microsoft.Data.Sqlite;

namespace ChatReport.Bot.Tests.Storage;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task AWriterWaitsForAnotherWritersTransactionInsteadOfFailingWithDatabaseIsLocked()
    {
        using var db = new TestDatabase();
        await db.Migrator.MigrateAsync(TestContext.Current.CancellationToken);
        var ct = TestContext.Current.CancellationToken;

        await using var holder = await db.Connections.OpenAsync(ct);
        await using var held = (SqliteTransaction)await holder.BeginTransactionAsync(ct);
        await holder.ExecuteAsync("INSERT INTO settings (key, value) VALUES ('first', '1')", transaction: held);

        // The second writer starts while the first still holds the write lock; it must wait for
        // it (busy timeout) and then succeed. What it writes is the number of rows it saw: 1 shows
        // that it wrote after the first commit, whenever it happened to arrive.
        using var started = new ManualResetEventSlim();
        var second = Task.Run(
            async () =>
            {
                await using var connection = await db.Connections.OpenAsync(ct);
                started.Set();
                await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
                await connection.ExecuteAsync("INSERT INTO settings (key, value) SELECT 'second', count(*) FROM settings", transaction: transaction);
                await transaction.CommitAsync(ct);
            },
            ct);
        started.Wait(ct);
        // Hold the lock past a second: Microsoft.Data.Sqlite retries a busy command by itself for
        // its Default Timeout (whole seconds), so a shorter hold would pass even with our busy
        // timeout cut to one second. Nothing is asserted about time.
        await Task.Delay(1500, ct);
        await held.CommitAsync(ct);
        await second;

        Assert.Equal("1", await holder.QuerySingleAsync<string>("SELECT value FROM settings WHERE key = 'second'"));
        Assert.Equal(["first", "second"], await holder.QueryAsync<string>("SELECT key FROM settings ORDER BY key"));
    }

    [Fact]
    public async Task ManyWritersAtOnceAllSucceed()
    {
        using var db = new TestDatabase();
        await db.Migrator.MigrateAsync(TestContext.Current.CancellationToken);
        var ct = TestContext.Current.CancellationToken;
        const int writers = 8;
        const int writesEach = 25;

        using var start = new ManualResetEventSlim();
        var tasks = Enumerable.Range(0, writers).Select(w => Task.Run(
            async () =>
            {
                start.Wait(ct);
                for (var i = 0; i < writesEach; i++)
                {
                    await using var connection = await db.Connections.OpenAsync(ct);
                    await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
                    // Read, then write, in one transaction: the pattern that fails under deferred transactions.
                    var count = await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM settings", transaction: transaction);
                    await connection.ExecuteAsync("INSERT INTO settings (key, value) VALUES (@Key, @Value)", new { Key = $"{w}-{i}", Value = count.ToString(System.Globalization.CultureInfo.InvariantCulture) }, transaction);
                    await transaction.CommitAsync(ct);
                }
            },
            ct)).ToList();
        start.Set();
        await Task.WhenAll(tasks);

        await using var reader = await db.Connections.OpenAsync(ct);
        // Every writer saw the rows before it: the counts read are exactly 0..N-1, each once.
        Assert.Equal(Enumerable.Range(0, writers * writesEach), (await reader.QueryAsync<string>("SELECT value FROM settings")).Select(int.Parse).Order());
    }
}
