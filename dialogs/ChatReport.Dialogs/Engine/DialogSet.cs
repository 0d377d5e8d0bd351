namespace ChatReport.Dialogs.Engine;

/// <summary>The dialogs a context can begin, by id. An id can be added once.</summary>
public sealed class DialogSet
{
    private readonly Dictionary<string, Dialog> _dialogs = new(StringComparer.Ordinal);
    private readonly List<Dialog> _inOrder = [];

    /// <summary>The dialogs in the order they were added.</summary>
    public IReadOnlyList<Dialog> All => _inOrder;

    /// <summary>
    /// Adds <paramref name="dialog"/>. Throws <see cref="ArgumentException"/> when its id is taken:
    /// two dialogs silently sharing (or renaming) an id would resume the wrong one.
    /// </summary>
    public DialogSet Add(Dialog dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        if (!_dialogs.TryAdd(dialog.Id, dialog))
        {
            throw new ArgumentException($"A dialog with id '{dialog.Id}' is already in this set.", nameof(dialog));
        }

        _inOrder.Add(dialog);
        return this;
    }

    /// <summary>The dialog with id <paramref name="dialogId"/> in this set, or null.</summary>
    public Dialog? Find(string dialogId)
    {
        ArgumentNullException.ThrowIfNull(dialogId);
        return _dialogs.GetValueOrDefault(dialogId);
    }
}
