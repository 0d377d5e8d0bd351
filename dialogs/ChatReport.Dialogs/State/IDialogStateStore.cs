namespace ChatReport.Dialogs.State;

/// <summary>
/// Where dialog stacks live between turns, with optimistic concurrency. Fits table
/// <c>dialog_states</c>: key = (channel_id, conversation_id, user_id), <c>state_json</c>,
/// <c>dialog_set_version</c>, <c>version</c>, <c>last_access_at</c>.
/// </summary>
/// <remarks>
/// A SQL implementation: <c>SaveAsync</c> with <see cref="DialogStateUpdate.ExpectedVersion"/> null
/// is an INSERT with version 1 (a primary-key violation is a conflict); otherwise an
/// <c>UPDATE … SET version = version + 1 … WHERE key AND version = @ExpectedVersion</c>, where
/// zero rows is a conflict. To store the stack in the same transaction as the turn's domain
/// changes, the implementation joins the turn's unit of work.
/// </remarks>
public interface IDialogStateStore
{
    /// <summary>The stored stack for <paramref name="key"/>, or null.</summary>
    Task<StoredDialogState?> LoadAsync(DialogStateKey key, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the stack and returns its new version. Throws <see cref="DialogStateConflictException"/>,
    /// writing nothing, when the stored version is not <see cref="DialogStateUpdate.ExpectedVersion"/>.
    /// </summary>
    Task<long> SaveAsync(DialogStateKey key, DialogStateUpdate update, CancellationToken cancellationToken);

    /// <summary>Forgets the stack for <paramref name="key"/> (after a turn error, or when the user asks to be forgotten).</summary>
    Task DeleteAsync(DialogStateKey key, CancellationToken cancellationToken);

    /// <summary>Deletes stacks last changed before <paramref name="lastAccessBefore"/>; returns how many.</summary>
    Task<int> DeleteExpiredAsync(DateTimeOffset lastAccessBefore, CancellationToken cancellationToken);
}
