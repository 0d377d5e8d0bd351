namespace ChatReport.Dialogs.Engine;

/// <summary>
/// A dialog stack: the conversation's, or the children of one component dialog.
/// <para><b>Orientation:</b> as in Bot Framework, index 0 is the <b>top</b> of the stack (the
/// active dialog) and the last element is the bottom (the root dialog). Beginning a dialog
/// inserts at index 0; ending one removes index 0.</para>
/// </summary>
public sealed class DialogState
{
    private readonly List<DialogInstance> _stack = [];

    /// <summary>The dialogs, top (active) first.</summary>
    public IReadOnlyList<DialogInstance> Stack => _stack;

    internal void Push(DialogInstance instance) => _stack.Insert(0, instance);

    internal void Remove(DialogInstance instance) => _stack.Remove(instance);

    internal void AddToBottom(DialogInstance instance) => _stack.Add(instance);
}
