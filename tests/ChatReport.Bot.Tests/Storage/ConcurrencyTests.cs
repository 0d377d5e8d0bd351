using ChatReport.Bot.Storage.Connections;
using Dapper;

namespace ChatReport.Bot.Tests.Storage;

/// <summary>
/// Writers outside a turn go through <see cref="DbWrites.WriteAsync{T}"/>: SQLite serialises
/// them by its write lock (BEGIN IMMEDIATE and the busy timeout), PostgreSQL by the advisory
/// write lock every write transaction takes first. Either way a read-then-write never races.
/// </summary>
public sealed class ConcurrencyTests
{
    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task AWriterWaitsForAnotherWritersTransactionInsteadOfFailingWithDatabaseIsLocked(StorageProvider provider)
    {
        using var db = new TestDatabase(provider: provider);
        await db.Migrator.MigrateAsync(TestContext.Current.CancellationToken);
        var ct = TestContext.Current.CancellationToken;

        using var firstWrote = new SemaphoreSlim(0);
        using var release = new SemaphoreSlim(0);
        var first = Task.Run(
            () => db.Connections.WriteAsync(
                async (connection, transaction) =>
                {
                    await connection.ExecuteAsync(new CommandDefinition("INSERT INTO settings (key, value) VALUES ('first', '1')", transaction: transaction, cancellationToken: ct));
                    firstWrote.Release();
                    await release.WaitAsync(ct);
                    return 0;
                },
                ct),
            ct);
        await firstWrote.WaitAsync(ct);

        // The second writer starts while the first still holds the write lock; it must wait for
        // it and then succeed. What it writes is the number of rows it saw: 1 shows that it wrote
        // after the first commit, whenever it happened to arrive.
        var second = Task.Run(
            () => db.Connections.WriteAsync(
                (connection, transaction) => connection.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO settings (key, value) SELECT 'second', CAST(count(*) AS TEXT) FROM settings", transaction: transaction, cancellationToken: ct)),
                ct),
            ct);
        // Hold the lock past a second: Microsoft.Data.Sqlite retries a busy command by itself for
        // its Default Timeout (whole seconds), so a shorter hold would pass even with our busy
        // timeout cut to one second. Nothing is asserted about time.
        await Task.Delay(1500, ct);
        release.Release();
        await first;
        await second;

        await using var reader = await db.Connections.OpenAsync(ct);
        Assert.Equal("1", await reader.QuerySingleAsync<string>("SELECT value FROM settings WHERE key = 'second'"));
        Assert.Equal(["first", "second"], await reader.QueryAsync<string>("SELECT key FROM settings ORDER BY key"));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task ManyWritersAtOnceAllSucceed(StorageProvider provider)
    {
        using var db = new TestDatabase(provider: provider);
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
                    // Read, then write, in one unit: the pattern that fails under deferred transactions.
                    await db.Connections.WriteAsync(
                        async (connection, transaction) =>
                        {
                            var count = await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT count(*) FROM settings", transaction: transaction, cancellationToken: ct));
                            return await connection.ExecuteAsync(new CommandDefinition(
                                "INSERT INTO settings (key, value) VALUES (@Key, @Value)",
                                new { Key = $"{w}-{i}", Value = count.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                                transaction,
                                cancellationToken: ct));
                        },
                        ct);
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
