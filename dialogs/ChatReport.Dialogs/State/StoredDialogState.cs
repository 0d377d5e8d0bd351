namespace ChatReport.Dialogs.State;

/// <summary>One stored stack, as <see cref="IDialogStateStore.LoadAsync"/> returns it (a row of <c>dialog_states</c>).</summary>
/// <param name="StateJson">The serialized stack (<c>state_json</c>); only the runner reads it.</param>
/// <param name="DialogSetVersion">The version of the dialogs that wrote it (<c>dialog_set_version</c>).</param>
/// <param name="Version">The optimistic-concurrency version (<c>version</c>); opaque, only compared for equality.</param>
/// <param name="LastAccessAt">When a turn last changed it (<c>last_access_at</c>, UTC).</param>
public sealed record StoredDialogState(string StateJson, string DialogSetVersion, long Version, DateTimeOffset LastAccessAt);
