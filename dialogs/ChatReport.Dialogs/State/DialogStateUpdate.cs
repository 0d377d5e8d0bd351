namespace ChatReport.Dialogs.State;

/// <summary>What <see cref="IDialogStateStore.SaveAsync"/> writes.</summary>
/// <param name="StateJson">The serialized stack.</param>
/// <param name="DialogSetVersion">The version of the dialogs writing it.</param>
/// <param name="LastAccessAt">Now.</param>
/// <param name="ExpectedVersion">
/// The <see cref="StoredDialogState.Version"/> this turn loaded, or null when it loaded nothing.
/// The save succeeds only if the stored version is still this one (or, for null, nothing is stored).
/// </param>
public sealed record DialogStateUpdate(string StateJson, string DialogSetVersion, DateTimeOffset LastAccessAt, long? ExpectedVersion);
