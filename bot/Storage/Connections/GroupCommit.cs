using System.Data.Common;
using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace ChatReport.Bot.Storage.Connections;

/// <summary>
/// Runs units of work (turns) on one writer connection and commits the units that are ready
/// together, so concurrent turns share one fsync instead of paying one each. Each unit runs in its
/// own savepoint: a unit that throws is rolled back alone and its caller gets the exception; the
/// others commit. A caller's task completes only once its unit is durable, and what the unit asked
/// to run after the commit (<see cref="DbScope.AfterCommit"/>) has been started.
/// </summary>
/// <remarks>
/// Units run one after another on the writer, which is what SQLite does with writers anyway (and PostgreSQL too, under the write lock); a
/// unit must therefore not wait on the network. The outbox is what lets a turn "send" without
/// doing so. Readers outside units keep their own connections (WAL).
/// </remarks>
public sealed class GroupCommit : IAsyncDisposable, IDisposable
{
    private readonly DbConnectionFactory _connections;
    private readonly ILogger<GroupCommit> _logger;
    private readonly int _maxUnits;
    private readonly Channel<Unit> _queue = Channel.CreateUnbounded<Unit>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;
    private long _commits;
    private long _units;

    public GroupCommit(DbConnectionFactory connections, IOptions<StorageOptions> options, ILogger<GroupCommit> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _connections = connections;
        _logger = logger;
        _maxUnits = options.Value.MaxUnitsPerCommit;
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>Transactions committed so far (each one fsync with synchronous=FULL).</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>Units committed so far.</summary>
    public long Units => Interlocked.Read(ref _units);

    /// <summary>
    /// Runs <paramref name="work"/> as one unit and returns once it is durable. Called inside an
    /// open unit it becomes a savepoint of that unit instead (it cannot wait for a commit that
    /// waits for it).
    /// </summary>
    public Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (DbScope.Current is { } scope)
        {
            return scope.InSavepointAsync(() => work(cancellationToken), cancellationToken);
        }

        var unit = new Unit<T>(work, cancellationToken);
        if (!_queue.Writer.TryWrite(unit))
        {
            throw new ObjectDisposedException(nameof(GroupCommit), "The bot is stopping; the unit was not run.");
        }

        return unit.Completion;
    }

    /// <summary>Takes no more units; the writer finishes the queued ones and closes its connection.</summary>
    public void Dispose() => _queue.Writer.TryComplete();

    public async ValueTask DisposeAsync()
    {
        _logger.LogInformation("Group commit: {Units} units in {Commits} commits", Units, Commits);
        _queue.Writer.TryComplete();
#pragma warning disable VSTHRD003 // The loop was started by this object and ends once the queue is drained.
        await _writer;
#pragma warning restore VSTHRD003
    }

    private async Task WriteLoopAsync()
    {
        DbConnection? connection = null;
        var batch = new List<Unit>(_maxUnits);
        try
        {
            while (await _queue.Reader.WaitToReadAsync())
            {
                while (batch.Count < _maxUnits && _queue.Reader.TryRead(out var unit))
                {
                    batch.Add(unit);
                }

                try
                {
                    connection ??= await _connections.OpenAsync(CancellationToken.None);
                    await CommitBatchAsync(connection, batch);
                }
                catch (Exception ex)
                {
                    // The connection may be unusable (the file vanished, the disk failed); the next
                    // batch opens a fresh one. Every unit of this batch hears the failure.
                    _logger.LogError(ex, "A group commit of {Units} units failed", batch.Count);
                    foreach (var unit in batch)
                    {
                        unit.Fail(ex);
                    }

                    if (connection is not null)
                    {
                        await connection.DisposeAsync();
                        connection = null;
                    }
                }

                batch.Clear();
            }
        }
        finally
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
        }
    }

    private async Task CommitBatchAsync(DbConnection connection, List<Unit> batch)
    {
        var (ran, afterCommit) = await DbWrites.RunInTransactionAsync(_connections, connection, () => RunUnitsAsync(batch), CancellationToken.None);
        Interlocked.Increment(ref _commits);
        Interlocked.Add(ref _units, ran);
        foreach (var action in afterCommit)
        {
            try
            {
                action();
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "An action after a commit failed");
            }
        }

        foreach (var unit in batch)
        {
            unit.Complete();
        }
    }

    private static async Task<int> RunUnitsAsync(List<Unit> batch)
    {
        var scope = DbScope.Current ?? throw new UnreachableException("A batch runs inside its transaction's scope.");
        var ran = 0;
        foreach (var unit in batch)
        {
            if (unit.CancellationToken.IsCancellationRequested)
            {
                unit.Fail(new OperationCanceledException(unit.CancellationToken));
                continue;
            }

            try
            {
                await scope.InSavepointAsync(() => RunInCallersContextAsync(unit, scope), unit.CancellationToken);
                ran++;
            }
            catch (Exception ex)
            {
                unit.Fail(ex);
                if (scope.IsBroken)
                {
                    // The engine ended the transaction: the units that ran before this one are lost too.
                    throw new InvalidOperationException("The write transaction was rolled back by the database.", ex);
                }
            }
        }

        return ran;
    }

    // The unit runs with its caller's async locals (logging scopes, the request's trace, the turn's
    // measurement), as if the caller ran it, plus the writer's scope.
    private static Task<bool> RunInCallersContextAsync(Unit unit, DbScope scope)
    {
        if (unit.CallersContext is not { } context)
        {
            return unit.RunAsync();
        }

        Task<bool>? running = null;
        ExecutionContext.Run(
            context,
            _ =>
            {
                DbScope.Enter(scope);
                running = unit.RunAsync();
            },
            null);
        return running!;
    }

    private abstract class Unit(CancellationToken cancellationToken)
    {
        public CancellationToken CancellationToken { get; } = cancellationToken;

        public ExecutionContext? CallersContext { get; } = ExecutionContext.Capture();

        public abstract Task<bool> RunAsync();

        public abstract void Complete();

        public abstract void Fail(Exception exception);
    }

    private sealed class Unit<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken) : Unit(cancellationToken)
    {
        // Continuations run elsewhere, so a caller's code never runs on (and holds up) the writer.
        private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _result;

#pragma warning disable VSTHRD003 // Completed by the writer loop, with continuations forced off it.
        public Task<T> Completion => _completion.Task;
#pragma warning restore VSTHRD003

        public override async Task<bool> RunAsync()
        {
            _result = await work(CancellationToken);
            return true;
        }

        public override void Complete() => _completion.TrySetResult(_result!);

        public override void Fail(Exception exception) => _completion.TrySetException(exception);
    }
}
