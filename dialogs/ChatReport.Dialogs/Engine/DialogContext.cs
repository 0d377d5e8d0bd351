using ChatReport.Dialogs.Localization;
using ChatReport.Dialogs.Turns;

namespace ChatReport.Dialogs.Engine;

/// <summary>
/// A dialog stack (see <see cref="DialogState"/> for its orientation) being worked on in one turn,
/// with the dialogs it can begin. The runner makes the root context; component dialogs make one
/// for their children, whose <see cref="Parent"/> is the component's context.
/// </summary>
public sealed class DialogContext
{
    private readonly DialogState _state;

    internal DialogContext(DialogSet dialogs, ITurnContext context, DialogState state, UserLocale userLocale, DialogContext? parent)
    {
        Dialogs = dialogs;
        Context = context;
        _state = state;
        UserLocale = userLocale;
        Parent = parent;
    }

    /// <summary>The turn: the inbound activity and the way to reply.</summary>
    public ITurnContext Context { get; }

    /// <summary>The dialogs this context can begin (its parents' dialogs are found too).</summary>
    public DialogSet Dialogs { get; }

    /// <summary>The user's language, recognition cultures and time zone for this turn.</summary>
    public UserLocale UserLocale { get; }

    /// <summary>The language to reply in.</summary>
    public ReplyLanguage Language => UserLocale.Language;

    /// <summary>The context of the component dialog this stack belongs to, or null at the root.</summary>
    public DialogContext? Parent { get; }

    /// <summary>The stack, top (active dialog) first.</summary>
    public IReadOnlyList<DialogInstance> Stack => _state.Stack;

    /// <summary>The dialog on top of the stack, or null when the stack is empty.</summary>
    public DialogInstance? ActiveDialog => _state.Stack.Count > 0 ? _state.Stack[0] : null;

    /// <summary>The ids of the active dialogs from this stack's top down through component dialogs (outermost first).</summary>
    public IReadOnlyList<string> ActiveDialogPath => [.. ActiveChain().Select(link => link.Dialog.Id)];

    /// <summary>The texts of table <typeparamref name="TTexts"/> in the user's language.</summary>
    public TTexts Texts<TTexts>()
        where TTexts : class, ITextTable<TTexts> => TTexts.ForLanguage(Language);

    /// <summary>The dialog with id <paramref name="dialogId"/> in this set or a parent's, or null.</summary>
    public Dialog? FindDialog(string dialogId) => Dialogs.Find(dialogId) ?? Parent?.FindDialog(dialogId);

    /// <summary>Pushes dialog <paramref name="dialogId"/> without options and begins it.</summary>
    public Task<DialogTurnResult> BeginDialogAsync(string dialogId, CancellationToken cancellationToken) =>
        BeginCoreAsync(dialogId, null, cancellationToken);

    /// <summary>Pushes dialog <paramref name="dialogId"/> and begins it with <paramref name="options"/>.</summary>
    public Task<DialogTurnResult> BeginDialogAsync<TOptions>(string dialogId, TOptions options, CancellationToken cancellationToken)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(options);
        return BeginCoreAsync(dialogId, options, cancellationToken);
    }

    /// <summary>Hands the user's message to the active dialog; <see cref="DialogTurnResult.Empty"/> when there is none.</summary>
    public async Task<DialogTurnResult> ContinueDialogAsync(CancellationToken cancellationToken)
    {
        if (ActiveDialog is not { } active)
        {
            return DialogTurnResult.Empty;
        }

        return await GetDialog(active.Id).ContinueDialogAsync(this, cancellationToken);
    }

    /// <summary>Ends the active dialog without a result; its parent resumes.</summary>
    public Task<DialogTurnResult> EndDialogAsync(CancellationToken cancellationToken) => EndCoreAsync(null, cancellationToken);

    /// <summary>Ends the active dialog; its parent resumes with <paramref name="result"/>.</summary>
    public Task<DialogTurnResult> EndDialogAsync<TResult>(TResult result, CancellationToken cancellationToken) =>
        EndCoreAsync(result, cancellationToken);

    /// <summary>
    /// Ends the active dialog and begins <paramref name="dialogId"/> in its place, without resuming
    /// the parent in between: the way a menu loops.
    /// </summary>
    public Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, CancellationToken cancellationToken) =>
        ReplaceCoreAsync(dialogId, null, cancellationToken);

    /// <summary>As <see cref="ReplaceDialogAsync(string, CancellationToken)"/>, beginning the new dialog with <paramref name="options"/>.</summary>
    public Task<DialogTurnResult> ReplaceDialogAsync<TOptions>(string dialogId, TOptions options, CancellationToken cancellationToken)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(options);
        return ReplaceCoreAsync(dialogId, options, cancellationToken);
    }

    /// <summary>
    /// Cancels every dialog of the conversation, from the root stack down through all component
    /// dialogs (each gets its end hook with <see cref="DialogReason.CancelCalled"/>), whichever
    /// context it is called on. Returns <see cref="DialogTurnResult.Cancelled"/>.
    /// </summary>
    public async Task<DialogTurnResult> CancelAllDialogsAsync(CancellationToken cancellationToken)
    {
        var root = this;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        await root.CancelStackAsync(cancellationToken);
        return DialogTurnResult.Cancelled;
    }

    /// <summary>Asks the active dialog to ask its question again.</summary>
    public async Task RepromptDialogAsync(CancellationToken cancellationToken)
    {
        if (ActiveDialog is { } active)
        {
            await GetDialog(active.Id).RepromptDialogAsync(this, cancellationToken);
        }
    }

    /// <summary>Cancels this stack only (used by a component dialog for its children).</summary>
    internal async Task CancelStackAsync(CancellationToken cancellationToken)
    {
        while (ActiveDialog is { } instance)
        {
            // A dialog that no longer exists has nothing to clean up.
            if (FindDialog(instance.Id) is { } dialog)
            {
                await dialog.EndDialogAsync(this, instance, DialogReason.CancelCalled, cancellationToken);
            }

            _state.Remove(instance);
        }
    }

    /// <summary>The active dialogs from this stack's top down through containers, outermost first.</summary>
    internal IEnumerable<(DialogContext Context, Dialog Dialog)> ActiveChain()
    {
        var context = this;
        while (context?.ActiveDialog is { } active && context.FindDialog(active.Id) is { } dialog)
        {
            yield return (context, dialog);
            context = dialog is IDialogContainer container ? container.CreateChildContext(context, active) : null;
        }
    }

    private async Task<DialogTurnResult> BeginCoreAsync(string dialogId, object? options, CancellationToken cancellationToken)
    {
        var dialog = GetDialog(dialogId);
        _state.Push(new DialogInstance(dialogId));
        return await dialog.BeginDialogAsync(this, options, cancellationToken);
    }

    private async Task<DialogTurnResult> EndCoreAsync(object? result, CancellationToken cancellationToken)
    {
        await EndActiveAsync(DialogReason.EndCalled, cancellationToken);
        if (ActiveDialog is { } parent)
        {
            return await GetDialog(parent.Id).ResumeDialogAsync(this, DialogReason.EndCalled, result, cancellationToken);
        }

        return DialogTurnResult.Complete(result);
    }

    private async Task<DialogTurnResult> ReplaceCoreAsync(string dialogId, object? options, CancellationToken cancellationToken)
    {
        var dialog = GetDialog(dialogId);
        await EndActiveAsync(DialogReason.ReplaceCalled, cancellationToken);
        _state.Push(new DialogInstance(dialogId));
        return await dialog.BeginDialogAsync(this, options, cancellationToken);
    }

    private async Task EndActiveAsync(DialogReason reason, CancellationToken cancellationToken)
    {
        if (ActiveDialog is { } instance)
        {
            await GetDialog(instance.Id).EndDialogAsync(this, instance, reason, cancellationToken);
            _state.Remove(instance);
        }
    }

    private Dialog GetDialog(string dialogId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dialogId);
        return FindDialog(dialogId)
            ?? throw new InvalidOperationException($"No dialog '{dialogId}' here or in a parent set; add it with AddDialog first.");
    }
}
