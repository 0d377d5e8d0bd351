using ChatReport.Bot.Storage.Connections;
using ChatReport.Bot.Tests.Storage;
using Dapper;
using Microsoft.Data.Sqlite;

namespace ChatReport.Bot.Tests.Durability;

#pragma warning disable VSTHRD003 // The tests hold units on gates they complete themselves.

public sealed class GroupCommitTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task<TestDatabase> MigratedAsync()
    {
        var db = new TestDatabase();
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

    [Fact]
    public async Task OfTwoTurnsCommittedTogetherTheOneThatFailsRollsBackAloneAndTheOtherCommits()
    {
        using var db = await MigratedAsync();
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

    [Fact]
    public async Task NothingAUnitWritesIsVisibleToOthersBeforeItsCommitAndAllOfItIsAfter()
    {
        using var db = await MigratedAsync();
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

    [Fact]
    public async Task AnActionRegisteredAfterCommitRunsOnceTheUnitIsDurableAndNeverForARolledBackUnit()
    {
        using var db = await MigratedAsync();
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

    [Fact]
    public async Task AFailedSavepointInsideAUnitUndoesOnlyItsOwnWrites()
    {
        using var db = await MigratedAsync();

        await db.Commits.RunAsync(
            async _ =>
            {
                await SetAsync(db, "test.before", "1");
                // A duplicate key fails inside its own savepoint; the unit catches it and goes on.
                await Assert.ThrowsAsync<SqliteException>(() => db.Connections.WriteAsync(
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
