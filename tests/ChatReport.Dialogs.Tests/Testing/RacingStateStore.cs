using ChatReport.Dialogs.State;

namespace ChatReport.Dialogs.Tests.Testing;

/// <summary>
/// A store where another turn of the same conversation saves between this turn's load and save,
/// <see cref="Races"/> times: the competing turn writes <see cref="CompetitorJson"/> (or the
/// state it found), bumping the version, so this turn's save conflicts.
/// </summary>
public sealed class RacingStateStore(IDialogStateStore inner) : IDialogStateStore
{
    public int Races { get; set; }

    public string? CompetitorJson { get; set; }

    public int Saves { get; private set; }

    public Task<StoredDialogState?> LoadAsync(DialogStateKey key, CancellationToken cancellationToken) => inner.LoadAsync(key, cancellationToken);

    public async Task<long> SaveAsync(DialogStateKey key, DialogStateUpdate update, CancellationToken cancellationToken)
    {
        if (Races > 0)
        {
            Races--;
            var current = await inner.LoadAsync(key, cancellationToken);
            await inner.SaveAsync(
                key,
                new DialogStateUpdate(CompetitorJson ?? current?.StateJson ?? update.StateJson, update.DialogSetVersion, update.LastAccessAt, current?.Version),
                cancellationToken);
        }

        var version = await inner.SaveAsync(key, update, cancellationToken);
        Saves++;
        return version;
    }

    public Task DeleteAsync(DialogStateKey key, CancellationToken cancellationToken) => inner.DeleteAsync(key, cancellationToken);

    public Task<int> DeleteExpiredAsync(DateTimeOffset lastAccessBefore, CancellationToken cancellationToken) =>
        inner.DeleteExpiredAsync(lastAccessBefore, cancellationToken);
}
