namespace ChatReport.Dialogs.State;

/// <summary>
/// Dialog stacks in a dictionary, with the same concurrency rules as the database: for tests and
/// for running without storage. Stacks are stored as the JSON text the runner gives, so state
/// makes the same JSON round trip it would make through SQLite.
/// </summary>
public sealed class InMemoryDialogStateStore : IDialogStateStore
{
    private readonly Dictionary<DialogStateKey, StoredDialogState> _rows = [];
    private readonly Lock _lock = new();

    /// <summary>How many stacks are stored.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _rows.Count;
            }
        }
    }

    /// <inheritdoc />
    public Task<StoredDialogState?> LoadAsync(DialogStateKey key, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            return Task.FromResult(_rows.GetValueOrDefault(key));
        }
    }

    /// <inheritdoc />
    public Task<long> SaveAsync(DialogStateKey key, DialogStateUpdate update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            var stored = _rows.GetValueOrDefault(key);
            if (stored?.Version != update.ExpectedVersion)
            {
                throw new DialogStateConflictException(
                    $"Dialog state of {key} is at version {stored?.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}, not {update.ExpectedVersion?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}.");
            }

            var version = (stored?.Version ?? 0) + 1;
            _rows[key] = new StoredDialogState(update.StateJson, update.DialogSetVersion, version, update.LastAccessAt);
            return Task.FromResult(version);
        }
    }

    /// <inheritdoc />
    public Task DeleteAsync(DialogStateKey key, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            _rows.Remove(key);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<int> DeleteExpiredAsync(DateTimeOffset lastAccessBefore, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            var expired = _rows.Where(row => row.Value.LastAccessAt < lastAccessBefore).Select(row => row.Key).ToList();
            expired.ForEach(key => _rows.Remove(key));
            return Task.FromResult(expired.Count);
        }
    }
}
