namespace ChatReport.Dialogs.Engine;

/// <summary>
/// A dialog made of dialogs: it owns its prompts and (usually) one waterfall, runs them on a stack
/// of its own inside its instance, and ends when that stack completes, handing the result to its
/// parent. Options passed to the component go to its initial dialog.
/// </summary>
/// <remarks>
/// Derive from it and add the children in the constructor (<see cref="AddDialog"/>); the first
/// one added is the initial dialog unless <see cref="InitialDialogId"/> says otherwise.
/// </remarks>
public class ComponentDialog : Dialog, IDialogContainer
{
    private readonly DialogSet _dialogs = new();

    /// <summary>Creates the component with its id.</summary>
    public ComponentDialog(string id)
        : base(id)
    {
    }

    /// <summary>The child begun when the component begins; the first added when not set.</summary>
    public string? InitialDialogId { get; protected set; }

    /// <summary>The component's children.</summary>
    public DialogSet Dialogs => _dialogs;

    /// <inheritdoc />
    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var inner = CreateChildContext(dc, dc.ActiveDialog!);
        var initial = InitialDialogId ?? throw new InvalidOperationException($"Component dialog '{Id}' has no dialogs.");
        var result = options is null
            ? await inner.BeginDialogAsync(initial, cancellationToken)
            : await inner.BeginDialogAsync(initial, options, cancellationToken);
        return await EndWhenDoneAsync(dc, result, cancellationToken);
    }

    /// <inheritdoc />
    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var inner = CreateChildContext(dc, dc.ActiveDialog!);
        var result = await inner.ContinueDialogAsync(cancellationToken);
        return await EndWhenDoneAsync(dc, result, cancellationToken);
    }

    /// <summary>
    /// Only reached when something began a dialog on the component's own (outer) stack; the
    /// component's children are still waiting, so they ask again.
    /// </summary>
    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result, CancellationToken cancellationToken)
    {
        await RepromptDialogAsync(dc, cancellationToken);
        return DialogTurnResult.Waiting;
    }

    /// <inheritdoc />
    public override Task RepromptDialogAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return CreateChildContext(dc, dc.ActiveDialog!).RepromptDialogAsync(cancellationToken);
    }

    /// <summary>Cancels the children too when the component is cancelled.</summary>
    public override Task EndDialogAsync(DialogContext dc, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        ArgumentNullException.ThrowIfNull(instance);
        return reason == DialogReason.CancelCalled
            ? CreateChildContext(dc, instance).CancelStackAsync(cancellationToken)
            : Task.CompletedTask;
    }

    /// <summary>Its own id and the versions of all its children.</summary>
    public override string GetVersion() =>
        $"{base.GetVersion()}[{string.Join(",", _dialogs.All.Select(d => d.GetVersion()))}]";

    /// <summary>Adds a child. Its id must be new in this component (<see cref="DialogSet.Add"/> throws otherwise).</summary>
    protected ComponentDialog AddDialog(Dialog dialog)
    {
        _dialogs.Add(dialog);
        InitialDialogId ??= dialog.Id;
        return this;
    }

    /// <inheritdoc />
    DialogContext IDialogContainer.CreateChildContext(DialogContext dc, DialogInstance instance) => CreateChildContext(dc, instance);

    private DialogContext CreateChildContext(DialogContext dc, DialogInstance instance)
    {
        instance.Inner ??= new DialogState();
        return new DialogContext(_dialogs, dc.Context, instance.Inner, dc.UserLocale, dc);
    }

    private static async Task<DialogTurnResult> EndWhenDoneAsync(DialogContext dc, DialogTurnResult inner, CancellationToken cancellationToken) =>
        inner.Status switch
        {
            DialogTurnStatus.Waiting => DialogTurnResult.Waiting,
            // CancelAllDialogsAsync already emptied every stack, this component's included.
            DialogTurnStatus.Cancelled => DialogTurnResult.Cancelled,
            _ => await dc.EndDialogAsync(inner.Result, cancellationToken),
        };
}
