using System.Data.Common;
using ChatReport.Bot.Storage.Connections;
using ChatReport.Bot.Tests.Storage;
using Dapper;

namespace ChatReport.Bot.Tests.Durability;

#pragma warning disable VSTHRD003 // The tests hold units on gates they complete themselves.

public sealed class GroupCommitTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task<TestDatabase> MigratedAsync(StorageProvider provider)
    {
        var db = new TestDatabase(provider: provider);
        await db.Migrator.MigrateAsync(Token);
        return db;
    }

    private static Task<int> SetAsync(TestDatabase db, string key, string value) =>
        db.Connections.WriteAsync(
            (connection, transaction) => connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO settings (key, value) VALUES (@Key, @Value)", new { Key = key, Value = value }, transaction, cancellationToken: Token)),
            Token);

    private static async Task<IReadOnlyList<string>> KeysSeenFromOutsideAsync(TestDatabase db)
    {
        // A connection of its own: it sees only what is committed.
        await using var connection = await db.Connections.OpenAsync(Token);
        return [.. await connection.QueryAsync<string>(new CommandDefinition("SELECT key FROM settings WHERE key LIKE 'test.%' ORDER BY key", cancellationToken: Token))];
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task OfTwoTurnsCommittedTogetherTheOneThatFailsRollsBackAloneAndTheOtherCommits(StorageProvider provider)
    {
        using var db = await MigratedAsync(provider);
        var commitsBefore = db.Commits.Commits;
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // The first unit holds the writer until both others are queued, so they share the next commit.
        var holder = db.Commits.RunAsync(
            async _ =>
            {
                started.SetResult();
                await gate.Task;
                return 0;
            },
            Token);
        await started.Task;
        var failing = db.Commits.RunAsync<int>(
            async _ =>
            {
                await SetAsync(db, "test.failing", "written, then undone");
                throw new InvalidOperationException("this turn fails after writing");
            },
            Token);
        var succeeding = db.Commits.RunAsync(async _ => { await SetAsync(db, "test.succeeding", "kept"); return 1; }, Token);
        gate.SetResult();

        await holder;
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        Assert.Equal("this turn fails after writing", failure.Message);
        Assert.Equal(1, await succeeding);
        Assert.Equal(["test.succeeding"], await KeysSeenFromOutsideAsync(db));
        Assert.Equal(2, db.Commits.Commits - commitsBefore);
    }

    /// <summary>
    /// On PostgreSQL a failed statement aborts the whole transaction until ROLLBACK TO its
    /// savepoint: the failing unit's rollback must restore the batch for the units after it.
    /// </summary>
    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task OfThreeTurnsCommittedTogetherOneWhoseStatementFailsRollsBackAloneAndTheOthersCommit(StorageProvider provider)
    {
        using var db = await MigratedAsync(provider);
        await SetAsync(db, "test.taken", "1");
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holder = db.Commits.RunAsync(
            async _ =>
            {
                started.SetResult();
                await gate.Task;
                return 0;
            },
            Token);
        await started.Task;
        var before = db.Commits.RunAsync(async _ => await SetAsync(db, "test.before", "kept"), Token);
        // Writes, then hits the primary key: the database refuses the statement itself.
        var failing = db.Commits.RunAsync(
            async _ =>
            {
                await SetAsync(db, "test.failing", "written, then undone");
                return await SetAsync(db, "test.taken", "2");
            },
            Token);
        var after = db.Commits.RunAsync(async _ => await SetAsync(db, "test.after", "kept"), Token);
        gate.SetResult();

        await holder;
        await Assert.ThrowsAnyAsync<DbException>(() => failing);
        Assert.Equal(1, await before);
        Assert.Equal(1, await after);
        Assert.Equal(["test.after", "test.before", "test.taken"], await KeysSeenFromOutsideAsync(db));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task NothingAUnitWritesIsVisibleToOthersBeforeItsCommitAndAllOfItIsAfter(StorageProvider provider)
    {
        using var db = await MigratedAsync(provider);
        IReadOnlyList<string>? seenDuringTheUnit = null;

        await db.Commits.RunAsync(
            async _ =>
            {
                await SetAsync(db, "test.a", "1");
                await SetAsync(db, "test.b", "2");
                seenDuringTheUnit = await KeysSeenFromOutsideAsync(db);
                return 0;
            },
            Token);

        Assert.Empty(seenDuringTheUnit!);
        Assert.Equal(["test.a", "test.b"], await KeysSeenFromOutsideAsync(db));
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task AnActionRegisteredAfterCommitRunsOnceTheUnitIsDurableAndNeverForARolledBackUnit(StorageProvider provider)
    {
        using var db = await MigratedAsync(provider);
        var seenByTheAction = new List<Task<IReadOnlyList<string>>>();

        await db.Commits.RunAsync(
            async _ =>
            {
                await SetAsync(db, "test.kept", "1");
                // Started by the action itself, so it reads whatever is committed when the action runs.
                DbScope.Current!.AfterCommit(() => seenByTheAction.Add(KeysSeenFromOutsideAsync(db)));
                return 0;
            },
            Token);
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.Commits.RunAsync<int>(
            async _ =>
            {
                await SetAsync(db, "test.undone", "1");
                DbScope.Current!.AfterCommit(() => seenByTheAction.Add(Task.FromResult<IReadOnlyList<string>>(["must not run"])));
                throw new InvalidOperationException("rolled back");
            },
            Token));

        var seen = Assert.Single(seenByTheAction);
        Assert.Equal(["test.kept"], await seen);
    }

    [Theory]
    [ClassData(typeof(BothProviders))]
    public async Task AFailedSavepointInsideAUnitUndoesOnlyItsOwnWrites(StorageProvider provider)
    {
        using var db = await MigratedAsync(provider);

        await db.Commits.RunAsync(
            async _ =>
            {
                await SetAsync(db, "test.before", "1");
                // A duplicate key fails inside its own savepoint; the unit catches it and goes on.
                await Assert.ThrowsAnyAsync<DbException>(() => db.Connections.WriteAsync(
                    async (connection, transaction) =>
                    {
                        await connection.ExecuteAsync(new CommandDefinition("INSERT INTO settings (key, value) VALUES ('test.inner', '1')", transaction: transaction, cancellationToken: Token));
                        return await connection.ExecuteAsync(new CommandDefinition("INSERT INTO settings (key, value) VALUES ('test.before', '2')", transaction: transaction, cancellationToken: Token));
                    },
                    Token));
                await SetAsync(db, "test.after", "1");
                return 0;
            },
            Token);

        Assert.Equal(["test.after", "test.before"], await KeysSeenFromOutsideAsync(db));
    }
}
